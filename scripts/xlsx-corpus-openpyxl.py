#!/usr/bin/python3
"""Writes the openpyxl part of the .xlsx reader corpus (tests/fixtures/xlsx-corpus).

Run by scripts/make-xlsx-corpus.mjs with Debian's interpreter (/usr/bin/python3 has
python3-openpyxl): `/usr/bin/python3 scripts/xlsx-corpus-openpyxl.py OUT_DIR`.
Prints a JSON list of manifest entries (file, writer, exercises, expected sheets) on stdout.

Deterministic: the document properties get fixed dates; make-xlsx-corpus.mjs then stamps every
zip entry with a fixed time (in place), so the same openpyxl version writes the same bytes.
"""
import datetime as dt
import json
import os
import sys

import openpyxl
from openpyxl.comments import Comment
from openpyxl.utils.datetime import CALENDAR_MAC_1904

WHEN = dt.datetime(2025, 9, 1, 8, 0, 0)
ENTRIES = []


def serial(value, epoch1904=False):
    """Excel serial of a date/datetime in the 1900 system (what the readers' Grid speaks)."""
    if isinstance(value, dt.datetime):
        delta = value - dt.datetime(1899, 12, 30)
    else:
        delta = value - dt.date(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def new_workbook(write_only=False):
    wb = openpyxl.Workbook(write_only=write_only)
    wb.properties.created = WHEN
    wb.properties.modified = WHEN
    wb.properties.creator = "openpyxl"
    return wb


def save(wb, out_dir, name, exercises, sheets, properties=None):
    wb.save(os.path.join(out_dir, name))
    entry = {"file": name, "writer": f"openpyxl {openpyxl.__version__}", "exercises": exercises, "sheets": sheets}
    if properties:
        entry["properties"] = properties
    ENTRIES.append(entry)


HEADER = ["序号", "姓名", "身份证号", "金额"]
PEOPLE = [
    [1, "张三", "110101200001011234", 1000],
    [2, "李四", "11010120000101123X", 1500.5],
    [3, "王五", "440305200912310026", 2000],
]


def cells_of(rows, top=1):
    cells = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            cells[f"{openpyxl.utils.get_column_letter(c + 1)}{top + r}"] = value
    return cells


def plain(out_dir):
    wb = new_workbook()
    ws = wb.active
    ws.title = "花名册"
    for row in [HEADER] + PEOPLE:
        ws.append(row)
    save(
        wb,
        out_dir,
        "openpyxl-plain.xlsx",
        "openpyxl defaults: inline strings (openpyxl writes no sharedStrings part), styles, an 18-digit ID as text",
        [{"name": "花名册", "cells": cells_of([HEADER] + PEOPLE)}],
    )


def comments(out_dir):
    wb = new_workbook()
    ws = wb.active
    ws.title = "名单"
    for row in [HEADER] + PEOPLE:
        ws.append(row)
    ws["B2"].comment = Comment("家庭经济困难认定：特别困难", "张老师")
    ws["C3"].comment = Comment("身份证号已核对", "李老师")
    save(
        wb,
        out_dir,
        "openpyxl-comments.xlsx",
        "cell comments (legacy VML + xl/comments/comment1.xml with an absolute rels target)",
        [
            {
                "name": "名单",
                "cells": cells_of([HEADER] + PEOPLE),
                "notes": [
                    {"row": 1, "col": 1, "text": "家庭经济困难认定：特别困难"},
                    {"row": 2, "col": 2, "text": "身份证号已核对"},
                ],
            }
        ],
    )


def merged_hidden(out_dir):
    wb = new_workbook()
    ws = wb.active
    ws.title = "汇总"
    ws["A1"] = "2025年秋季学期国家助学金发放名单"
    ws.merge_cells("A1:D1")
    ws["A2"] = "序号"
    ws.merge_cells("A2:A3")
    ws["B2"] = "基本信息"
    ws.merge_cells("B2:C2")
    ws["B3"] = "姓名"
    ws["C3"] = "身份证号"
    ws["D2"] = "金额"
    for i, person in enumerate(PEOPLE):
        for c, value in enumerate(person):
            ws.cell(row=4 + i, column=1 + c, value=value)
    ws["E4"] = "隐藏列"
    ws.row_dimensions[5].hidden = True
    ws.column_dimensions["E"].hidden = True
    cells = {"A1": "2025年秋季学期国家助学金发放名单", "A2": "序号", "B2": "基本信息", "B3": "姓名", "C3": "身份证号", "D2": "金额", "E4": "隐藏列"}
    cells.update(cells_of(PEOPLE, top=4))
    save(
        wb,
        out_dir,
        "openpyxl-merged-hidden.xlsx",
        "merged title and two-row header (covered cells written empty), a hidden row and a hidden column",
        [
            {
                "name": "汇总",
                "cells": cells,
                "merges": ["A1:D1", "A2:A3", "B2:C2"],
                "hiddenRows": [4],
                "hiddenColumns": [4],
            }
        ],
    )


def formats_dates(out_dir):
    wb = new_workbook()
    ws = wb.active
    ws.title = "格式"
    ws.append(["姓名", "出生日期", "入学时间", "比例", "银行卡号", "金额", "合计", "是否寄宿", "认定日期"])
    ws.append(["张三", dt.date(2008, 9, 1), dt.datetime(2023, 9, 1, 8, 30), 0.25, "6222020200112233445", 1234.5, "=F2*2", True, dt.date(2025, 3, 15)])
    ws["D2"].number_format = "0.00%"
    ws["E2"].number_format = "@"
    ws["F2"].number_format = "#,##0.00"
    ws["I2"].number_format = 'yyyy"年"m"月"d"日"'
    save(
        wb,
        out_dir,
        "openpyxl-formats-dates.xlsx",
        "number formats, dates and datetimes, text format, a boolean, a formula openpyxl writes without a cached value",
        [
            {
                "name": "格式",
                "cells": {
                    "A1": "姓名",
                    "B1": "出生日期",
                    "C1": "入学时间",
                    "D1": "比例",
                    "E1": "银行卡号",
                    "F1": "金额",
                    "G1": "合计",
                    "H1": "是否寄宿",
                    "I1": "认定日期",
                    "A2": "张三",
                    "B2": serial(dt.date(2008, 9, 1)),
                    "C2": serial(dt.datetime(2023, 9, 1, 8, 30)),
                    "D2": 0.25,
                    "E2": "6222020200112233445",
                    "F2": 1234.5,
                    "H2": True,
                    "I2": serial(dt.date(2025, 3, 15)),
                },
                "formats": {
                    "B2": "yyyy-mm-dd",
                    "C2": "yyyy-mm-dd h:mm:ss",
                    "D2": "0.00%",
                    "E2": "@",
                    "F2": "#,##0.00",
                    "I2": 'yyyy"年"m"月"d"日"',
                },
                "formulas": {"G2": "F2*2"},
            }
        ],
    )


def write_only(out_dir):
    wb = new_workbook(write_only=True)
    ws = wb.create_sheet("导出")
    rows = [HEADER] + PEOPLE + [[4, "赵六", None, 800]]
    for row in rows:
        ws.append(row)
    save(
        wb,
        out_dir,
        "openpyxl-write-only.xlsx",
        "write_only mode (lxml-free streaming writer): no dimension, rows written as appended, a gap cell",
        [{"name": "导出", "cells": cells_of(rows)}],
    )


def sheets_states(out_dir):
    wb = new_workbook()
    wb.properties.title = "2025年秋季学期名单"
    wb.properties.subject = "资助"
    wb.properties.creator = "张老师"
    wb.properties.keywords = "助学金"
    wb.properties.description = "内部资料"
    wb.properties.category = "花名册"
    wb.properties.lastModifiedBy = "王会计"
    first = wb.active
    first.title = "说明"
    first["A1"] = "填表说明"
    first.sheet_state = "hidden"
    data = wb.create_sheet("名单")
    for row in [HEADER] + PEOPLE:
        data.append(row)
    config = wb.create_sheet("配置")
    config["A1"] = "很隐藏"
    config.sheet_state = "veryHidden"
    wb.active = 1
    save(
        wb,
        out_dir,
        "openpyxl-sheets-states.xlsx",
        "three sheets: hidden first, visible, veryHidden; document properties",
        [
            {"name": "说明", "state": "hidden", "cells": {"A1": "填表说明"}},
            {"name": "名单", "state": "visible", "cells": cells_of([HEADER] + PEOPLE)},
            {"name": "配置", "state": "veryHidden", "cells": {"A1": "很隐藏"}},
        ],
        properties={
            "title": "2025年秋季学期名单",
            "subject": "资助",
            "creator": "张老师",
            "keywords": "助学金",
            "description": "内部资料",
            "category": "花名册",
            "lastModifiedBy": "王会计",
        },
    )


def date1904(out_dir):
    wb = new_workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "日期"
    ws.append(["姓名", "出生日期", "数量"])
    ws.append(["张三", dt.date(2008, 9, 1), 3])
    save(
        wb,
        out_dir,
        "openpyxl-1904.xlsx",
        "1904 date system (workbookPr date1904): dates come back as 1900-system serials, plain numbers unchanged",
        [
            {
                "name": "日期",
                "cells": {"A1": "姓名", "B1": "出生日期", "C1": "数量", "A2": "张三", "B2": serial(dt.date(2008, 9, 1)), "C2": 3},
                "formats": {"B2": "yyyy-mm-dd"},
            }
        ],
    )


def main():
    out_dir = sys.argv[1]
    for make in (plain, comments, merged_hidden, formats_dates, write_only, sheets_states, date1904):
        make(out_dir)
    json.dump(ENTRIES, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
