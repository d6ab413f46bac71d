// Which agents stand in each cell: an intrusive singly linked list per cell (head per cell, next
// per agent). Most cells hold zero or one agent; lists allow the several-per-cell cases that
// NetLogo's rules produce (a released agent sharing its cell, a cop stepping onto a cell).
#pragma once

#include "grid.hpp"
#include "population.hpp"

#include <vector>

namespace unrest {

class CellLists {
public:
    CellLists() = default;
    CellLists(std::size_t cells, std::size_t agents)
        : head_(cells, no_agent), next_(agents, no_agent) {}

    AgentId head(CellIndex c) const noexcept { return head_[c]; }
    AgentId next(AgentId a) const noexcept { return next_[a]; }
    bool empty(CellIndex c) const noexcept { return head_[c] == no_agent; }

    void insert(CellIndex c, AgentId a) noexcept {
        next_[a] = head_[c];
        head_[c] = a;
    }
    // Removes a from the list of c; a must be there.
    void remove(CellIndex c, AgentId a) noexcept {
        AgentId* link = &head_[c];
        while (*link != a) {
            link = &next_[*link];
        }
        *link = next_[a];
        next_[a] = no_agent;
    }

    template <class F>
    void for_each(CellIndex c, F&& f) const {
        for (AgentId a = head_[c]; a != no_agent; a = next_[a]) {
            f(a);
        }
    }

private:
    std::vector<AgentId> head_;
    std::vector<AgentId> next_;
};

} // namespace unrest
