#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int n;
    std::string text;
    std::getline(std::cin, text);
    n = std::stoi(text);
    std::vector<std::string> lines(n);
    for (auto& line : lines) std::getline(std::cin, line);
    std::sort(lines.begin(), lines.end());
    for (const auto& line : lines) std::cout << line << '\n';
}
