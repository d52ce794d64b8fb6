package cn.ipsubsidy.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Reads .xls (BIFF8) with POI's event API: {@link HSSFEventFactory} with a {@link
 * FormatTrackingHSSFListener} (number formats, for dates) around a {@link
 * MissingRecordAwareHSSFListener} (end-of-row markers). Records stream by; only the rows up to the
 * header and the current row are held. Reading stops after the header sheet.
 */
final class XlsReader implements HSSFListener {
  private final TableScanner scanner;
  private final String sheetOrNull;
  private final NumberFormats formats = new NumberFormats();
  private FormatTrackingHSSFListener formatListener;

  private final List<BoundSheetRecord> boundSheets = new ArrayList<>();
  private BoundSheetRecord[] sheetsInStreamOrder;
  private SSTRecord sst;
  private boolean date1904;

  private int depth;
  private int sheetIndex = -1;
  private boolean active;
  private int currentRow = -1;
  private Map<Integer, RawCell> cells = new HashMap<>();
  private FormulaRecord pendingStringFormula;

  /** Thrown to stop the record stream early; never escapes this class. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  private XlsReader(TableScanner scanner, String sheetOrNull) {
    this.scanner = scanner;
    this.sheetOrNull = sheetOrNull;
  }

  /** Reads the workbook in {@code fs} (already checked to hold a "Workbook" stream). */
  static ReadResult read(POIFSFileSystem fs, String sheetOrNull, TableScanner scanner) {
    String file = scanner.file();
    XlsReader reader = new XlsReader(scanner, sheetOrNull);
    reader.formatListener =
        new FormatTrackingHSSFListener(new MissingRecordAwareHSSFListener(reader));
    HSSFRequest request = new HSSFRequest();
    request.addListenerForAllRecords(reader.formatListener);
    try {
      scanner.rows(() -> new HSSFEventFactory().processWorkbookEvents(request, fs));
    } catch (Stop stop) {
      // header sheet read to its end
    } catch (ClaimsFileException | SinkFailure e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw ClaimsFileException.at(
          file,
          "文件有密码保护，请去掉密码后再试",
          "file is password-protected; remove the password and try again",
          e);
    } catch (OldExcelFormatException e) {
      throw oldFormat(file, e);
    } catch (Exception e) {
      throw ClaimsFileException.at(
          file,
          "无法读取 .xls 内容（文件可能已损坏；详情见日志）",
          "cannot read the .xls workbook (the file may be damaged; details in the log)",
          e);
    }
    if (reader.sheetsInStreamOrder == null && sheetOrNull != null) {
      SheetInfo.named(file, reader.sheetInfos(), sheetOrNull);
    }
    return scanner.result("xls");
  }

  static ClaimsFileException oldFormat(String file, Exception cause) {
    return ClaimsFileException.at(
        file,
        "这是 Excel 5.0/95 或更早的格式，不支持；请在 Excel 中另存为 .xlsx",
        "this is an Excel 5.0/95 (or older) workbook, which is not supported; save it as .xlsx"
            + " in Excel",
        cause);
  }

  private List<SheetInfo> sheetInfos() {
    List<SheetInfo> out = new ArrayList<>();
    BoundSheetRecord[] ordered =
        sheetsInStreamOrder != null
            ? sheetsInStreamOrder
            : BoundSheetRecord.orderByBofPosition(boundSheets);
    for (BoundSheetRecord b : ordered) {
      out.add(
          new SheetInfo(
              b.getSheetname(), b.isHidden() || b.isVeryHidden(), String.valueOf(out.size())));
    }
    return out;
  }

  @Override
  public void processRecord(Record record) {
    if (record instanceof BOFRecord bof) {
      if (depth == 0 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
        startSubstream(bof);
      }
      depth++;
      return;
    }
    if (record instanceof EOFRecord) {
      depth--;
      if (depth == 0 && active) {
        flushRow();
        active = false;
        if (scanner.headerFound() || sheetOrNull != null) {
          throw new Stop();
        }
      }
      return;
    }
    if (depth == 1 && sheetIndex < 0) {
      globals(record);
      return;
    }
    if (!active || depth != 1) {
      return;
    }
    if (record instanceof LastCellOfRowDummyRecord) {
      flushRow();
      return;
    }
    if (record instanceof StringRecord s) {
      if (pendingStringFormula != null) {
        put(pendingStringFormula, RawCell.text(s.getString()));
        pendingStringFormula = null;
      }
      return;
    }
    if (record instanceof CellValueRecordInterface cell) {
      cell(cell);
    }
  }

  private void globals(Record record) {
    if (record instanceof BoundSheetRecord b) {
      boundSheets.add(b);
    } else if (record instanceof SSTRecord s) {
      sst = s;
    } else if (record instanceof DateWindow1904Record w) {
      date1904 = w.getWindowing() == 1;
      scanner.date1904(date1904);
    }
  }

  private void startSubstream(BOFRecord bof) {
    if (sheetsInStreamOrder == null) {
      sheetsInStreamOrder = BoundSheetRecord.orderByBofPosition(boundSheets);
      if (sheetOrNull != null) {
        // fails, listing the sheets, when there is no such sheet
        SheetInfo.named(scanner.file(), sheetInfos(), sheetOrNull);
      }
    }
    sheetIndex++;
    if (sheetIndex >= sheetsInStreamOrder.length) {
      active = false;
      return;
    }
    BoundSheetRecord b = sheetsInStreamOrder[sheetIndex];
    boolean worksheet = bof.getType() == BOFRecord.TYPE_WORKSHEET;
    boolean hidden = b.isHidden() || b.isVeryHidden();
    if (sheetOrNull != null) {
      String wanted = SheetInfo.named(scanner.file(), sheetInfos(), sheetOrNull).name();
      active = worksheet && b.getSheetname().equals(wanted);
    } else {
      active = worksheet && !hidden && !scanner.headerFound();
    }
    if (active) {
      scanner.startSheet(b.getSheetname());
      currentRow = -1;
      cells = new HashMap<>();
      pendingStringFormula = null;
    }
  }

  private void cell(CellValueRecordInterface rec) {
    if (rec instanceof NumberRecord n) {
      put(rec, number(rec, n.getValue()));
    } else if (rec instanceof LabelSSTRecord l) {
      put(rec, RawCell.text(sst.getString(l.getSSTIndex()).getString()));
    } else if (rec instanceof LabelRecord l) {
      put(rec, RawCell.text(l.getValue()));
    } else if (rec instanceof BoolErrRecord b) {
      put(
          rec,
          b.isBoolean()
              ? RawCell.bool(b.getBooleanValue())
              : RawCell.error(FormulaError.forInt(b.getErrorValue()).getString()));
    } else if (rec instanceof FormulaRecord f) {
      CellType type = f.getCachedResultTypeEnum();
      switch (type) {
        case NUMERIC -> put(rec, number(rec, f.getValue()));
        case STRING -> {
          if (f.hasCachedResultString()) {
            pendingStringFormula = f;
            moveTo(f.getRow());
          } else {
            put(rec, RawCell.text(""));
          }
        }
        case BOOLEAN -> put(rec, RawCell.bool(f.getCachedBooleanValue()));
        case ERROR ->
            put(rec, RawCell.error(FormulaError.forInt(f.getCachedErrorValue()).getString()));
        default -> put(rec, RawCell.noCachedValue(null));
      }
    }
    // BlankRecord and dummy missing-cell records: blank cells, nothing to keep
  }

  private RawCell number(CellValueRecordInterface rec, double value) {
    int index = formatListener.getFormatIndex(rec);
    String format = formatListener.getFormatString(rec);
    return formats.number(value, index, format, date1904);
  }

  private void put(CellValueRecordInterface rec, RawCell cell) {
    moveTo(rec.getRow());
    int column = rec.getColumn();
    if (column < 0 || column > MAX_XLS_COLUMN) {
      // found by fuzzing: a damaged record's column (a short) read negative, which named no column
      throw new IllegalStateException("cell record in column " + column + ", beyond an xls sheet");
    }
    cells.put(column, cell);
  }

  /** An .xls sheet has 256 columns, A to IV. */
  private static final int MAX_XLS_COLUMN = 255;

  private void moveTo(int row) {
    if (row != currentRow) {
      flushRow();
      currentRow = row;
    }
  }

  private void flushRow() {
    if (currentRow >= 0 && !cells.isEmpty()) {
      Map<Integer, RawCell> row = cells;
      int number = currentRow + 1;
      cells = new HashMap<>();
      currentRow = -1;
      if (!scanner.row(number, row)) {
        active = false;
      }
    } else {
      cells.clear();
      currentRow = -1;
    }
  }
}
