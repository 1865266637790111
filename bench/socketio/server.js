// The comparison peer of bin/bench: a Socket.IO 4.8 server whose processes share rooms through
// @socket.io/redis-adapter, the closest common stack to Arena's rooms (WebSocket fan-out bridged
// by Redis Pub/Sub). WebSocket transport only, two events:
//   join    "room"                 -> the socket joins the room, answered by ["joined", "room"]
//   publish {room, id, data}       -> io.to(room).emit("message", {room, from, data}) on every process
// Usage: PORT=9081 REDIS_PORT=6382 node server.js
"use strict";

const http = require("node:http");
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const port = Number(process.env.PORT || 9081);
const redisUrl = `redis://127.0.0.1:${process.env.REDIS_PORT || 6382}`;
const keyPrefix = process.env.KEY_PREFIX || "bench-socketio";

async function main() {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);

  const server = http.createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("UP");
      return;
    }
    res.writeHead(404);
    res.end();
  });
  const io = new Server(server, {
    transports: ["websocket"],
    adapter: createAdapter(pub, sub, { key: keyPrefix }),
    serveClient: false,
  });

  io.on("connection", (socket) => {
    const user = String(socket.handshake.query.user || socket.id);
    const room = socket.handshake.query.room;
    if (typeof room === "string" && room.length > 0) {
      socket.join(room);
    }
    socket.on("join", (name) => {
      if (typeof name !== "string" || name.length === 0) return;
      socket.join(name);
      socket.emit("joined", name);
    });
    socket.on("publish", (frame) => {
      if (!frame || typeof frame.room !== "string" || !socket.rooms.has(frame.room)) return;
      io.to(frame.room).emit("message", { room: frame.room, from: user, data: frame.data });
    });
  });

  server.listen(port, "127.0.0.1", () => {
    console.log(`socket.io peer listening on 127.0.0.1:${port}, redis ${redisUrl}, pid ${process.pid}`);
  });
  const stop = () => {
    io.close();
    Promise.allSettled([pub.quit(), sub.quit()]).finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
