#include "yaml_prepass.hpp"

#include "load.hpp"
#include "yaml_reader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <istream>
#include <limits>
#include <optional>
#include <streambuf>
#include <string_view>
#include <utility>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

namespace unrest::detail {

namespace {

using YAML::anchor_t;

// An open mapping or sequence.
struct Frame {
    bool is_map = false;
    // Its path is followed: a mapping whose keys the schema knows, or a sequence that is the value
    // of a key of one (its items may be mappings the schema knows, as schedule changes are).
    bool followed = false;
    std::string path; // when followed
    KeyCheck check;   // a followed mapping's
    // A mapping alternates keys and values.
    bool expect_key = true;
    std::optional<std::string> key; // a followed mapping's current key, if a scalar
    // A followed mapping's keys so far, with their lines.
    std::vector<std::pair<std::string, int>> seen_keys;
    std::size_t index = 0;    // a sequence's next item
    std::uint64_t values = 1; // the nodes in it, itself included and aliases expanded
    anchor_t anchor = 0;
};

// An anchor whose value is still open: an alias to it would make a cycle.
constexpr std::uint64_t open_anchor = std::numeric_limits<std::uint64_t>::max();

class Prepass final : public YAML::EventHandler {
public:
    Prepass(const std::string& file, const KeySchema& schema) : file_(file), schema_(schema) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) {
            fail(mark, "", "expected one YAML document, found a second");
        }
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, anchor_t anchor) override { leaf(mark, anchor, nullptr); }
    void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, anchor_t anchor,
                  const std::string& value) override {
        leaf(mark, anchor, &value);
    }

    void OnAlias(const YAML::Mark& mark, anchor_t anchor) override {
        place(mark, nullptr, false);
        const std::uint64_t values = anchor < anchors_.size() ? anchors_[anchor] : 1;
        if (values == open_anchor) {
            fail(mark, "",
                 "expected an alias to a complete value, found one inside the value it "
                 "names");
        }
        repeated_ += values;
        if (repeated_ > max_alias_values) {
            fail(mark, "",
                 fmt::format("expected at most {} values repeated through aliases, found more",
                             max_alias_values));
        }
        done(values);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, anchor_t anchor,
                         YAML::EmitterStyle::value /*style*/) override {
        open(mark, anchor, false);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, anchor_t anchor,
                    YAML::EmitterStyle::value /*style*/) override {
        open(mark, anchor, true);
    }
    void OnMapEnd() override { close(); }

private:
    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& path,
                           const std::string& message) const {
        throw ScenarioError(file_, mark.line + 1, mark.column + 1, path, message);
    }

    static std::string child(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }

    // A node starts at `mark` (`name`: a scalar's text, else null). Where it is a key of a
    // followed mapping, checks it. Returns the node's path where that is followed and `want_path`
    // (a collection's: leaves need none).
    std::optional<std::string> place(const YAML::Mark& mark, const std::string* name,
                                     bool want_path) {
        if (frames_.empty()) {
            return std::string();
        }
        Frame& parent = frames_.back();
        if (!parent.followed || (!want_path && !(parent.is_map && parent.expect_key))) {
            return std::nullopt;
        }
        if (!parent.is_map) {
            return fmt::format("{}[{}]", parent.path, parent.index);
        }
        if (!parent.expect_key) {
            return parent.key ? std::optional(child(parent.path, *parent.key)) : std::nullopt;
        }
        parent.key.reset();
        if (name == nullptr) {
            return std::nullopt; // a null, alias or collection key: the reader reports it
        }
        const std::string path = child(parent.path, *name);
        if (const std::string problem = parent.check(*name); !problem.empty()) {
            fail(mark, path, problem);
        }
        for (const auto& [seen, line] : parent.seen_keys) {
            if (seen == *name) {
                fail(mark, path,
                     fmt::format("expected each key once, found '{}' again (first on line {})",
                                 *name, line));
            }
        }
        parent.seen_keys.emplace_back(*name, mark.line + 1);
        parent.key = *name;
        return std::nullopt;
    }

    // A node of `values` nodes is complete: the parent counts them and moves on.
    void done(std::uint64_t values) {
        if (frames_.empty()) {
            return;
        }
        Frame& parent = frames_.back();
        parent.values += values;
        if (parent.is_map) {
            parent.expect_key = !parent.expect_key;
        } else {
            ++parent.index;
        }
    }

    void anchor(anchor_t id, std::uint64_t values) {
        if (id == 0) {
            return;
        }
        if (id >= anchors_.size()) {
            anchors_.resize(id + 1, 1);
        }
        anchors_[id] = values;
    }

    void leaf(const YAML::Mark& mark, anchor_t id, const std::string* value) {
        place(mark, value, false);
        anchor(id, 1);
        done(1);
    }

    void open(const YAML::Mark& mark, anchor_t id, bool is_map) {
        if (frames_.size() >= max_yaml_depth) {
            fail(
                mark, "",
                fmt::format("expected at most {} levels of nesting, found deeper", max_yaml_depth));
        }
        Frame frame;
        frame.is_map = is_map;
        frame.anchor = id;
        if (std::optional<std::string> path = place(mark, nullptr, true)) {
            if (is_map) {
                frame.check = schema_(*path);
                frame.followed = static_cast<bool>(frame.check);
            } else {
                // Only a sequence under a followed mapping, or at the top, can hold mappings the
                // schema knows; one inside another sequence cannot.
                frame.followed = frames_.empty() || frames_.back().is_map;
            }
            if (frame.followed) {
                frame.path = std::move(*path);
            }
        }
        anchor(id, open_anchor);
        frames_.push_back(std::move(frame));
    }

    void close() {
        const Frame frame = std::move(frames_.back());
        frames_.pop_back();
        anchor(frame.anchor, frame.values);
        done(frame.values);
    }

    const std::string& file_;
    const KeySchema& schema_;
    int documents_ = 0;
    std::vector<Frame> frames_;
    std::vector<std::uint64_t> anchors_; // by anchor id: the nodes in its value
    std::uint64_t repeated_ = 0;         // nodes reached through aliases so far
};

// Reads a string in place: an istringstream would copy it.
class TextBuffer final : public std::streambuf {
public:
    explicit TextBuffer(std::string_view text) {
        // The get area is only read: std::streambuf takes non-const pointers.
        char* begin = const_cast<char*>(text.data());
        setg(begin, begin, begin + text.size());
    }
};

} // namespace

KeyCheck one_of_keys(std::vector<std::string> known) {
    return [known = std::move(known)](const std::string& key) {
        return std::find(known.begin(), known.end(), key) == known.end()
                   ? unknown_key_message(key, known)
                   : std::string();
    };
}

void prepass_yaml(const std::string& text, const std::string& file, const KeySchema& schema) {
    TextBuffer buffer(text);
    std::istream in(&buffer);
    YAML::Parser parser(in);
    Prepass handler(file, schema);
    while (parser.HandleNextDocument(handler)) {
    }
}

} // namespace unrest::detail
