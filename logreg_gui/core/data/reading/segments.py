"""A large text file parsed on a few threads, with its blank lines: by pandas' own parallel
reader where pandas has one (3.1 and later), otherwise in ranges of whole lines."""

from __future__ import annotations

import io
import itertools
import os
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import numpy as np
import pandas as pd

from .delimited import csv_options
from .files import check_cancel, open_file, os_error
from .line_numbers import blank_lines
from .messages import too_large_for_memory
from .sniffing import SAMPLE_BYTES, Format, records

#: Whole text files larger than this are parsed in ranges of whole lines on threads.
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
#: The largest range; smaller files are cut in about eight.
SEGMENT_BYTES = 16 * 1024 * 1024
#: At most this many threads parse a file (pandas' own parallel reader stops at 6 too).
MAX_THREADS = 6


def read_segments(path, name, fmt: Format, size: int, cancel):
    """The whole file parsed in byte ranges on several threads, and its blank lines.

    pandas parses one chunk at a time on one thread, or (3.1 and later) a whole file on
    several but without a way to stop it. Where pandas can, it reads the file on its threads
    (about twice as fast as the ranges below, which pass every byte through Python), on a
    thread of its own, while this one counts the blank lines and asks ``cancel``: a cancelled
    read returns at once, and pandas' threads finish in the background and are dropped.
    Otherwise byte ranges cut at line breaks are parsed on threads, ``cancel`` asked as they
    finish. None when the read fails (a quoted cell spanning a range's end leaves that range
    inside an open quote): the serial reader then reads the file and words any error with the
    right line number. None too for a file of ``PARALLEL_MIN_BYTES`` or less, or in UTF-16.
    """
    if fmt.encoding == "utf-16" or size <= PARALLEL_MIN_BYTES:
        return None
    bounds = segment_bounds(path, name, fmt, size)
    if len(bounds) < 3:
        return None
    if _pandas_reads_in_parallel(path, name, fmt):
        return _read_by_pandas(path, name, fmt, cancel)
    workers = max(1, min(_cpus(), len(bounds) - 1, MAX_THREADS))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="read_table")
    futures = [
        pool.submit(_read_segment, path, name, fmt, start, end, start == bounds[0], end == size)
        for start, end in itertools.pairwise(bounds)
    ]
    try:
        pending = set(futures)
        while pending:
            # Asked at each range done, and every 0.1 s while the ranges take longer.
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            check_cancel(cancel)
            if any(future.exception() is not None for future in done):
                return None
        results = [future.result() for future in futures]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    frames, blanks, first_line = [], [], 1
    for frame, breaks, blank in results:
        frames.append(frame)
        blanks.append(first_line + blank)
        first_line += breaks
    del results
    try:
        frame = pd.concat(frames, ignore_index=True)
    except MemoryError:
        raise too_large_for_memory(name) from None
    return frame, np.concatenate(blanks)


def _pandas_reads_in_parallel(path, name, fmt: Format) -> bool:
    """Whether ``pandas.read_csv`` of the path reads it on several threads: pandas has the
    parallel reader and may use more than one thread, and the file is one it takes (UTF-8,
    lines ending in ``\\n``, one-byte delimiter and quote, no blank line before the header)."""
    try:
        threads = pd.get_option("mode.max_threads")
    except (KeyError, AttributeError):  # pandas' OptionError is both: no parallel reader
        return False
    if (threads is not None and threads < 2) or _cpus() < 2:
        return False
    if fmt.encoding != "utf-8" or fmt.newline != "\n" or not fmt.quotechar.isascii():
        return False
    if fmt.delimiter != " " and not fmt.delimiter.isascii():
        return False
    try:
        with open_file(path, name) as f:
            f.seek(fmt.offset)
            first = f.read(SAMPLE_BYTES).split(b"\n", 1)[0]
    except OSError as exc:
        raise os_error(exc, name) from None
    return bool(first.strip(b" \t\r"))


def _read_by_pandas(path, name, fmt: Format, cancel):
    """The file read by pandas' parallel reader on a thread of its own, ``cancel`` asked
    every 0.1 s meanwhile; None when pandas fails.

    The blank lines: its lines are counted meanwhile (a quick pass). Every line is then the
    header or a row, unless the file holds blank lines or quoted cells over several lines;
    only then are the blank lines looked for (:func:`~.line_numbers.blank_lines`, as for a
    file read in one pass)."""
    outcome = {}

    def read():
        try:
            outcome["frame"] = pd.read_csv(path, **csv_options(fmt, header=0))
        except MemoryError:
            outcome["memory"] = True
        except Exception:  # worded by the serial reader, which reads the file again
            outcome["failed"] = True

    # A daemon: a cancelled read must not hold the program open at its end.
    reader = threading.Thread(target=read, name="read_table", daemon=True)
    reader.start()
    lines = _count_lines(path, name, fmt.offset, cancel)
    while reader.is_alive():
        reader.join(0.1)
        check_cancel(cancel)
    if outcome.get("memory"):
        raise too_large_for_memory(name)
    if "frame" not in outcome:
        return None
    frame = outcome["frame"]
    if lines == len(frame) + 1:
        return frame, np.zeros(0, dtype=np.int64)
    return frame, blank_lines(path, name, fmt, None, cancel)


#: Bytes counted at a time for the line count: small enough to stay in the cache.
COUNT_BYTES = 64 * 1024


def _count_lines(path, name, offset, cancel) -> int:
    """The number of lines from byte ``offset`` on (``\\n`` line breaks, and a last line
    without one)."""
    buffer = bytearray(COUNT_BYTES)
    view = np.frombuffer(buffer, dtype=np.uint8)
    lines, last, blocks = 0, ord("\n"), 0
    try:
        with open_file(path, name) as f:
            f.seek(offset)
            while size := f.readinto(buffer):
                lines += int(np.count_nonzero(view[:size] == ord("\n")))
                last = buffer[size - 1]
                blocks += 1
                if blocks % 256 == 0:  # every 16 MB
                    check_cancel(cancel)
    except OSError as exc:
        raise os_error(exc, name) from None
    return lines + (last != ord("\n"))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def segment_bounds(path, name, fmt: Format, size: int) -> list[int]:
    """Byte offsets a range apart, each just after a line break, from the start to the end."""
    newline = fmt.newline.encode()
    step = max(1, min(SEGMENT_BYTES, size // 8))
    bounds = [fmt.offset]
    try:
        with open_file(path, name) as f:
            position = fmt.offset + step
            while position < size:
                f.seek(position)
                window = f.read(SAMPLE_BYTES)
                while window and newline not in window:
                    position += len(window)
                    window = f.read(SAMPLE_BYTES)
                if not window:
                    break
                bound = position + window.index(newline) + 1
                if bound >= size:
                    break
                bounds.append(bound)
                position = bound + step
    except OSError as exc:
        raise os_error(exc, name) from None
    bounds.append(size)
    return bounds


def _read_segment(path, name, fmt: Format, start: int, end: int, first: bool, last: bool):
    """Rows of bytes ``start:end`` (whole lines), their line breaks and blank lines."""
    with open_file(path, name) as f:
        f.seek(start)
        data = f.read(end - start)
    breaks, blanks = _scan(data, fmt.newline, last)
    options = csv_options(fmt, header=0 if first else None)  # only the first range has the header
    if not first and _first_row_width(data, fmt) > len(options["names"]):
        # pandas drops the extra cells of a first row without a word (with index_col=False);
        # the serial reader, reading on, reports the line instead.
        raise ValueError("a row with more cells than the header starts this range")
    frame = pd.read_csv(io.BytesIO(data), **options)
    return frame, breaks, blanks


def _first_row_width(data: bytes, fmt: Format) -> int:
    mark = fmt.newline.encode()
    start = 0
    while start < len(data):
        end = data.find(mark, start)
        end = len(data) if end < 0 else end
        line = data[start:end].decode(fmt.encoding, errors="replace")
        if line.strip():
            rows = records(line, fmt.delimiter, fmt.quotechar)
            return len(rows[0][1]) if rows else 0
        start = end + 1
    return 0


def _scan(data: bytes, newline: str, last: bool) -> tuple[int, np.ndarray]:
    """Line breaks in ``data`` (whole lines), and its blank lines counted from 0."""
    # numpy, not a regular expression: it does not hold the GIL, so the other threads parse.
    raw = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(raw == ord(newline))
    starts = np.concatenate(([0], ends + 1))[:-1]  # of the lines that end in a break
    blank = ends == starts
    spaces = np.array([ord(c) for c in " \t\r" if c != newline], dtype=np.uint8)
    # A line starting with a space may hold nothing else.
    maybe = np.flatnonzero(~blank & np.isin(raw[np.minimum(starts, len(raw) - 1)], spaces))
    if len(maybe):
        filled = (~np.isin(raw, spaces)).view(np.uint8)
        bounds = np.empty(2 * len(maybe), dtype=np.intp)
        bounds[0::2], bounds[1::2] = starts[maybe], ends[maybe]
        blank[maybe[np.add.reduceat(filled, bounds, dtype=np.int64)[0::2] == 0]] = True
    blanks = np.flatnonzero(blank)
    tail = data[ends[-1] + 1 if len(ends) else 0 :]
    if last and tail and not tail.strip(b" \t\r\n"):
        blanks = np.append(blanks, len(ends))  # a last line of spaces with no line break
    return len(ends), blanks.astype(np.int64)
