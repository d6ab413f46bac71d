// A main for a fuzz target without libFuzzer: every file named on the command line, and every
// file under every folder named (recursively, in sorted order), goes once through
// LLVMFuzzerTestOneInput. Built with the normal compiler in the normal build, so that ctest
// replays each target's corpus, the regressions included, under whatever sanitizers that build
// has. An input that crashes or leaks fails the test as it does under libFuzzer; one slower than
// --max-seconds (default 10) fails it as a hang would.
//   fuzz_replay_TARGET [--max-seconds N] PATH...
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
// Optional in a target, as with libFuzzer.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const std::string& p : paths) {
        if (fs::is_directory(p)) {
            for (const auto& entry : fs::recursive_directory_iterator(p)) {
                if (entry.is_regular_file()) {
                    files.push_back(entry.path());
                }
            }
        } else {
            files.emplace_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize != nullptr) {
        LLVMFuzzerInitialize(&argc, &argv);
    }
    double max_seconds = 10.0;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--max-seconds" && i + 1 < argc) {
            max_seconds = std::stod(argv[++i]);
        } else {
            paths.push_back(arg);
        }
    }
    const std::vector<fs::path> files = inputs(paths);
    if (files.empty()) {
        // An empty or mistyped corpus folder must not pass as a clean replay.
        std::fprintf(stderr, "replay: no inputs in the paths given\n");
        return 2;
    }
    double slowest = 0.0;
    std::string slowest_file;
    for (const fs::path& file : files) {
        // Named before it runs, so that a crash's output says which input it was.
        std::fprintf(stderr, "replay: %s\n", file.c_str());
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
            return 2;
        }
        const std::string data((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        const auto t0 = std::chrono::steady_clock::now();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (seconds > slowest) {
            slowest = seconds;
            slowest_file = file.string();
        }
    }
    std::fprintf(stderr, "replay: %zu inputs, slowest %.3f s (%s)\n", files.size(), slowest,
                 slowest_file.c_str());
    if (slowest > max_seconds) {
        std::fprintf(stderr, "replay: %s took longer than %.1f s\n", slowest_file.c_str(),
                     max_seconds);
        return 1;
    }
    return 0;
}
