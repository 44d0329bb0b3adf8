// SPDX-License-Identifier: Apache-2.0
//
// Parsers of HR sync documents -- CSV (RFC 4180) and JSON Lines -- into
// user records. Shape only: the directory service validates the records,
// the same way for every surface. Errors name the row and column (CSV) or
// the line (JSON Lines). Pure functions; thread-safe.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "lms/limits.hpp"
#include "lms/user_sync.hpp"

namespace lms {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kAttributePrefix = "attributes.";

[[noreturn]] void fail(std::string message) {
  throw Error(ErrorCode::invalid_argument, message);
}

std::string row_label(std::size_t row) { return "row " + std::to_string(row); }

std::string cell_label(std::size_t row, std::string_view column) {
  return row_label(row) + ", column " + detail::quote_value(column);
}

void check_document_size(std::string_view text) {
  if (text.size() > limits::kSyncDocumentBytes) {
    throw Error(ErrorCode::limit_exceeded,
                "document: at most " +
                    std::to_string(limits::kSyncDocumentBytes) + " bytes");
  }
}

void check_record_count(std::size_t count) {
  if (count > limits::kSyncBatchRecords) {
    throw Error(ErrorCode::limit_exceeded,
                "batch: at most " + std::to_string(limits::kSyncBatchRecords) +
                    " records");
  }
}

std::string_view skip_bom(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  return text;
}

// Splits a CSV document into records of fields. Fields are views into the
// document, except quoted fields with "" escapes, which are unescaped into
// a buffer the reader reuses for every record: the views stay valid until
// the next call of next(). Rows are numbered by record, not by line: a
// quoted field may hold line breaks.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next record into `fields`; false once only line breaks are
  // left. Throws for an unterminated quoted field or text after a closing
  // quote.
  bool next(std::vector<std::string_view>& fields) {
    if (at_end()) return false;
    ++row_;
    spans_.clear();
    scratch_.clear();
    bool more = true;
    while (more) more = read_field();
    fields.clear();
    for (const Span& s : spans_) {
      fields.push_back(s.unescaped
                           ? std::string_view{scratch_}.substr(s.pos, s.size)
                           : text_.substr(s.pos, s.size));
    }
    return true;
  }

  // The number of the record next() returned last: 1 for the header.
  std::size_t row() const { return row_; }

 private:
  // Where a field's text lies: in the document or in scratch_.
  struct Span {
    bool unescaped;
    std::size_t pos;
    std::size_t size;
  };

  // Empty lines after the last record are not records.
  bool at_end() const {
    return text_.find_first_not_of("\r\n", pos_) == std::string_view::npos;
  }

  // Consumes the line break at pos_, if any; true when there was one (or
  // the document ended), which ends the record.
  bool end_of_record() {
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == '\n') {
      ++pos_;
      return true;
    }
    // CRLF, or a CR that ends the document.
    if (text_[pos_] == '\r' &&
        (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n')) {
      pos_ = std::min(pos_ + 2, text_.size());
      return true;
    }
    return false;
  }

  // Reads one field and its delimiter; true when another field follows.
  bool read_field() {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      read_quoted();
    } else {
      read_plain();
    }
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      return true;
    }
    if (end_of_record()) return false;
    fail(row_label(row_) + ": unexpected text after a quoted field");
  }

  void read_plain() {
    const std::size_t start = pos_;
    const std::size_t stop =
        std::min(text_.find_first_of(",\n", pos_), text_.size());
    pos_ = stop;
    std::size_t size = stop - start;
    // The CR of a line break belongs to it, not to the field.
    if (size > 0 && text_[stop - 1] == '\r' &&
        (stop == text_.size() || text_[stop] == '\n')) {
      --size;
      --pos_;
    }
    spans_.push_back({false, start, size});
  }

  void read_quoted() {
    const std::size_t start = ++pos_;
    bool escaped = false;
    const std::size_t scratch_start = scratch_.size();
    for (;;) {
      const std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        fail(row_label(row_) + ": unterminated quoted field");
      }
      if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
        // "" stands for one quote: copy what came before it and the quote.
        scratch_.append(text_.substr(pos_, quote + 1 - pos_));
        escaped = true;
        pos_ = quote + 2;
        continue;
      }
      if (escaped) {
        scratch_.append(text_.substr(pos_, quote - pos_));
        spans_.push_back(
            {true, scratch_start, scratch_.size() - scratch_start});
      } else {
        spans_.push_back({false, start, quote - start});
      }
      pos_ = quote + 1;
      return;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t row_ = 0;
  std::string scratch_;
  std::vector<Span> spans_;
};

enum class Column {
  key,
  display_name,
  email,
  org_unit,
  manager_key,
  hire_date,
  status,
  attribute,
};

struct ColumnSpec {
  Column column;
  std::string name;       // as in the header
  std::string attribute;  // the attribute's name, for Column::attribute
};

std::vector<ColumnSpec> read_header(
    const std::vector<std::string_view>& names) {
  static constexpr std::pair<std::string_view, Column> kKnown[] = {
      {"key", Column::key},
      {"display_name", Column::display_name},
      {"email", Column::email},
      {"org_unit", Column::org_unit},
      {"manager_key", Column::manager_key},
      {"hire_date", Column::hire_date},
      {"status", Column::status},
  };
  std::vector<ColumnSpec> columns;
  columns.reserve(names.size());
  for (const std::string_view name : names) {
    const auto known =
        std::find_if(std::begin(kKnown), std::end(kKnown),
                     [&](const auto& k) { return k.first == name; });
    if (known != std::end(kKnown)) {
      columns.push_back({known->second, std::string{name}, {}});
    } else if (name.starts_with(kAttributePrefix) &&
               name.size() > kAttributePrefix.size()) {
      columns.push_back({Column::attribute, std::string{name},
                         std::string{name.substr(kAttributePrefix.size())}});
    } else {
      fail(cell_label(1, name) + ": unknown column");
    }
    for (std::size_t i = 0; i + 1 < columns.size(); ++i) {
      if (columns[i].name == name)
        fail(cell_label(1, name) + ": duplicate column");
    }
  }
  for (const std::string_view required : {"key", "display_name"}) {
    const bool present =
        std::any_of(columns.begin(), columns.end(),
                    [&](const ColumnSpec& c) { return c.name == required; });
    if (!present) {
      fail(row_label(1) + ": missing column " + detail::quote_value(required));
    }
  }
  return columns;
}

// Rethrows a field error `e` about `column` as one about the cell: its
// message "<column>: <problem>" becomes "row N, column '<column>':
// <problem>".
[[noreturn]] void rethrow_for_cell(const Error& e, std::size_t row,
                                   std::string_view column) {
  std::string_view message = e.what();
  if (message.starts_with(column) &&
      message.substr(column.size()).starts_with(": ")) {
    message.remove_prefix(column.size() + 2);
  }
  throw Error(e.code(), cell_label(row, column) + ": " + std::string{message});
}

UserRecord read_record(const std::vector<ColumnSpec>& columns,
                       const std::vector<std::string_view>& cells,
                       std::size_t row) {
  UserRecord record;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string_view cell = cells[i];
    const ColumnSpec& spec = columns[i];
    switch (spec.column) {
      case Column::key:
        record.key = cell;
        break;
      case Column::display_name:
        record.display_name = cell;
        break;
      case Column::email:
        record.email = cell;
        break;
      case Column::org_unit:
        record.org_unit = cell;
        break;
      case Column::manager_key:
        record.manager_key = cell;
        break;
      case Column::hire_date:
        // An empty cell: no hire date.
        if (cell.empty()) break;
        try {
          record.hire_date = parse_date(cell, spec.name);
        } catch (const Error& e) {
          rethrow_for_cell(e, row, spec.name);
        }
        break;
      case Column::status:
        // An empty cell: the default status, active.
        if (cell.empty()) break;
        try {
          record.status = parse_user_status(cell, spec.name);
        } catch (const Error& e) {
          rethrow_for_cell(e, row, spec.name);
        }
        break;
      case Column::attribute:
        // CSV cannot tell an empty string from an absent value; absent wins.
        if (!cell.empty())
          record.attributes[spec.attribute] = std::string{cell};
        break;
    }
  }
  return record;
}

// Checks a row's content (UTF-8, lengths, ...) with the engine's one
// validator, so that a bad cell is reported by row and column as CSV users
// expect, instead of by its position in the batch.
void validate_row(const UserRecord& record, std::size_t row) {
  try {
    detail::validate_user_record(record);
  } catch (const Error& e) {
    const std::string_view message = e.what();
    const std::size_t colon = message.find(": ");
    if (colon == std::string_view::npos) {
      throw Error(e.code(), row_label(row) + ": " + std::string{message});
    }
    rethrow_for_cell(e, row, message.substr(0, colon));
  }
}

}  // namespace

std::vector<UserRecord> parse_users_csv(std::string_view text) {
  check_document_size(text);
  text = skip_bom(text);
  CsvReader reader(text);
  std::vector<std::string_view> cells;
  if (!reader.next(cells)) fail(row_label(1) + ": a header row is required");
  const std::vector<ColumnSpec> columns = read_header(cells);

  std::vector<UserRecord> records;
  // One record per line is the common case; embedded line breaks only make
  // this an overestimate.
  records.reserve(std::min<std::size_t>(
      static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')),
      limits::kSyncBatchRecords));
  while (reader.next(cells)) {
    if (cells.size() != columns.size()) {
      fail(row_label(reader.row()) + ": expected " +
           std::to_string(columns.size()) + " fields, got " +
           std::to_string(cells.size()));
    }
    check_record_count(records.size() + 1);
    records.push_back(read_record(columns, cells, reader.row()));
    validate_row(records.back(), reader.row());
  }
  return records;
}

std::vector<UserRecord> parse_users_jsonl(std::string_view text) {
  check_document_size(text);
  text = skip_bom(text);
  std::vector<UserRecord> records;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    check_record_count(records.size() + 1);
    try {
      records.push_back(user_record_from_json(parse_json(line, "user")));
    } catch (const Error& e) {
      throw Error(e.code(),
                  "line " + std::to_string(line_number) + ": " + e.what());
    }
  }
  return records;
}

}  // namespace lms
