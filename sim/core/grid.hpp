// The torus: cell indexing and wrapped offsets. Knows nothing of agents.
#pragma once

#include <cstdint>

namespace unrest {

using CellIndex = std::int32_t; // y * width + x; -1 for "no cell" (off the grid)
inline constexpr CellIndex no_cell = -1;

struct Offset {
    int dx;
    int dy;
};

class Torus {
public:
    Torus(int width, int height) noexcept : width_(width), height_(height) {}

    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }
    std::int64_t cells() const noexcept { return static_cast<std::int64_t>(width_) * height_; }

    CellIndex index(int x, int y) const noexcept { return y * width_ + x; }
    int x_of(CellIndex c) const noexcept { return c % width_; }
    int y_of(CellIndex c) const noexcept { return c / width_; }

    static int wrap(int v, int n) noexcept {
        v %= n;
        return v < 0 ? v + n : v;
    }
    // The cell at offset (dx, dy) from c, wrapping around both edges.
    CellIndex shifted(CellIndex c, Offset o) const noexcept {
        return index(wrap(x_of(c) + o.dx, width_), wrap(y_of(c) + o.dy, height_));
    }

private:
    int width_;
    int height_;
};

} // namespace unrest
