"""Reading delimited text into rows, with line numbers and clear refusals."""

import csv
import io

from django.utils.translation import gettext as _

from .base import MAX_ROWS, file_error

# Rows above the participant table (meeting block, section titles) that we tolerate.
HEADER_ALLOWANCE = 200


def read_table(
    text: str, *, delimiter: str = ",", quoting: int = csv.QUOTE_MINIMAL
) -> list[tuple[int, list[str]]]:
    """Every record of the text as (line number, cells); refuses unreadable CSV."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting, strict=True
    )
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
            if len(rows) > MAX_ROWS + HEADER_ALLOWANCE:
                raise file_error(
                    _("The file has more than %(limit)s participant rows.") % {"limit": MAX_ROWS},
                    "too_many_rows",
                )
    except csv.Error as error:
        raise file_error(
            _("Line %(line)s cannot be read as a table: %(error)s")
            % {"line": reader.line_num, "error": str(error)[:120]},
            "malformed",
        ) from error
    return rows


def is_blank(row: list[str]) -> bool:
    """A record without any visible content."""
    return not any(value.strip() for value in row)
