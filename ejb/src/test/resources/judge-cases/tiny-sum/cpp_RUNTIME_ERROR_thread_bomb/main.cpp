#include <thread>
#include <chrono>
int main(){for(;;){std::thread([]{std::this_thread::sleep_for(std::chrono::seconds(100));}).detach();}}
