"""Reading a data file a person brings into a pandas DataFrame, or refusing it in one sentence.

Text files (CSV, TSV, whitespace-separated) are read by pandas' C parser. What the parser is
told comes from a look at the start of the file (64 KB, more only when that holds too few whole
lines):

* the encoding: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark (either
  byte order), and otherwise Latin-1, which is said in the notes. A file that is valid UTF-8 in
  its first 64 KB but not further on is read again, whole, as Latin-1;
* the delimiter: comma, semicolon, tab, pipe or runs of whitespace; the one that splits the
  header into at least two cells and the most rows into as many cells as the header (quoted
  cells may contain delimiters);
* the quote character: double quotes, or single quotes when more cells are wrapped in those;
* the decimal mark: a comma when the delimiter is not a comma and the sample has numbers written
  like ``1,5`` but none like ``1.5``. Thousands separators are not recognised, to keep it
  predictable: ``1.234,5`` and ``1,234.5`` stay text, and in a decimal-comma file ``1,234``
  reads as 1.234.

Missing cells are the empty cell and ``NA``, ``N/A``, ``NaN``, ``?`` and ``null`` in any letter
case, nothing else (``None`` and ``-`` are values). Blank lines are skipped and counted; a line
of delimiters only is a row of missing values, kept so that a later step can report it by its
line. Line numbers count physical lines: a quoted cell spanning several lines shifts the numbers
of the rows after it (the tokenizer knows about such cells, the line count does not).

Columns come out as int64/uint64/float64 numbers or as text; ``True``/``False`` columns become
the text ``"True"``/``"False"``. Whole numbers too large to be exact as float64 stay numbers
(int64 or uint64) when they fit, and become text when reading them as numbers would make two
different values equal.

Whole text files over ``PARALLEL_MIN_BYTES`` are parsed on a few threads: by pandas' own
parallel reader where pandas has one (3.1 and later), on a thread of its own so that ``cancel``
is still asked every 0.1 s (a cancelled read returns at once and its result is dropped when
pandas finishes); otherwise in ranges of whole lines. Smaller files and previews are read in
chunks of ``CHUNK_ROWS`` rows, ``cancel`` asked between chunks. A preview (``nrows``) reads
only as far into the file as its rows go.

Excel ``.xlsx`` (first sheet) and Parquet files are read when openpyxl or pyarrow is installed.
An Excel row's line number is its spreadsheet row; a Parquet row's is its position plus 2, as
if it had been written below a header line.

The modules, in the order a text file meets them: ``files`` (the checks on the path, opening,
cancelling), ``encoding``, ``sniffing``, ``delimited`` (pandas' parser, in chunks), ``segments``
(ranges on threads), ``line_numbers``, ``tidying`` (the columns), ``table``; ``spreadsheets``
reads Excel and Parquet, ``text_files`` puts a text file's steps together, ``read`` chooses
the reader and ``messages`` holds the refusals said in several places.
"""

from .read import read_table
from .table import Table

__all__ = ["Table", "read_table"]
