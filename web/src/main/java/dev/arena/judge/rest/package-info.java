/**
 * The REST edge of the judge: problems, submissions and the judge's status. Translates the submission
 * package's refusals into PROTOCOL.md errors; holds no judging logic.
 */
package dev.arena.judge.rest;
