"""The line of the file each row came from: blank lines found, then counted past."""

from __future__ import annotations

import io
import re

import numpy as np

from .files import check_cancel, open_file, os_error
from .messages import not_valid_text
from .sniffing import SAMPLE_BYTES, Format

#: Bytes read at a time when counting blank lines.
SCAN_BYTES = 8 * 1024 * 1024


def blank_lines(path, name, fmt: Format, needed, cancel) -> np.ndarray:
    """Line numbers of the blank lines, up to the line holding the ``needed``-th non-blank one.

    Lines are separated by ``\\n``, ``\\r\\n`` or (in files with no ``\\n``) ``\\r``; a line of
    spaces and tabs is blank, as it is to pandas.
    """
    utf16 = fmt.encoding == "utf-16"
    newline = fmt.newline if utf16 else fmt.newline.encode()
    other = "[ \t]*" if fmt.newline == "\r" else "[ \t\r]*"
    pattern = re.escape(fmt.newline) + other + f"(?={re.escape(fmt.newline)})"
    blank = re.compile(pattern if utf16 else pattern.encode())
    whitespace = " \t\r\n" if utf16 else b" \t\r\n"
    # A line break is put in front of the file so that every line, the first one too, follows
    # one: the k-th break (the first is number 0) starts line k + 1.
    buffer = newline
    base = 0  # number of the break at buffer[0]
    blanks: list[int] = []
    block = SCAN_BYTES if needed is None else SAMPLE_BYTES
    try:
        with open_file(path, name) as raw:
            raw.seek(fmt.offset)
            source = io.TextIOWrapper(raw, encoding=fmt.encoding, newline="") if utf16 else raw
            while True:
                check_cancel(cancel)
                data = source.read(block)
                if not data:
                    if buffer[1:] and not buffer[1:].strip(whitespace):
                        blanks.append(base + 1)  # a last line of spaces, with no line break
                    break
                buffer += data
                end = buffer.rfind(newline)
                position, breaks = 0, base
                # Matches need the next break, so only those before the last break are sure.
                for match in blank.finditer(buffer, 0, end + 1):
                    breaks += buffer.count(newline, position, match.start())
                    position = match.start()
                    blanks.append(breaks + 1)
                base += buffer.count(newline, 0, end)
                buffer = buffer[end:]
                if needed is not None and base - len(blanks) >= needed:
                    break
                block = min(block * 2, SCAN_BYTES)
    except OSError as exc:
        raise os_error(exc, name) from None
    except UnicodeDecodeError:
        raise not_valid_text(name, fmt.encoding_label) from None
    return np.asarray(blanks, dtype=np.int64)


def row_lines(blanks: np.ndarray, n: int) -> np.ndarray:
    """The lines of the first ``n`` rows: the non-blank lines after the first non-blank one."""
    header = 1
    for line in blanks:
        if line != header:
            break
        header += 1
    after = blanks[blanks > header]
    lines = np.arange(header + 1, header + 1 + n + len(after), dtype=np.int64)
    if len(after):
        lines = lines[~np.isin(lines, after)]
    return lines[:n]
