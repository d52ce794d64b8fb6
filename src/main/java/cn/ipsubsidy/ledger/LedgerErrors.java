package cn.ipsubsidy.ledger;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A database failure told to the clerk: what happened to the ledger, in both languages, that
 * nothing was posted (whatever was being written has been rolled back), and what to do. Which
 * failure it was is the dialect's to say ({@link Dialect#readOnly} and the others): each knows its
 * driver's exceptions.
 */
final class LedgerErrors {
  private final String url;
  private final String masked;
  private final Dialect dialect;

  LedgerErrors(String url, String masked, Dialect dialect) {
    this.url = url;
    this.masked = masked;
    this.dialect = dialect;
  }

  /** A database failure, with what to do. Whatever was being written has been rolled back. */
  LedgerException failed(SQLException e) {
    if (e instanceof UnreadableLedgerRow u) {
      return notPosted(
          "中 " + u.table() + " 表 " + u.row() + " 的记录无法读取（" + u.detail() + "）：该记录在本工具之外被改动过",
          "请交由管理员从备份恢复账本后再运行。",
          "holds a row it cannot read, in "
              + u.table()
              + " at "
              + u.row()
              + " ("
              + u.detail()
              + "): it was changed outside this tool",
          "Have the administrator restore the ledger from a backup before running again.",
          e);
    }
    // SQLite says "read-only" too when the file may be written but its folder may not (the
    // journal beside it cannot be made): the folder is what the clerk must fix then
    if (dialect.cantOpen(e)
        || (dialect.readOnly(e)
            && dialect instanceof SqliteDialect
            && LedgerLocation.onlyFolderReadOnly(url))) {
      Path file = LedgerLocation.sqliteFile(url);
      Path dir = file.getParent();
      return LedgerException.of(
          masked,
          "无法在账本 "
              + masked
              + " 所在的文件夹 "
              + dir
              + " 中写入（过账时须在账本旁建立日志文件 "
              + file.getFileName()
              + "-journal），本次未过账。请检查该文件夹的权限后重新运行。",
          "cannot write in the folder "
              + dir
              + " of the ledger "
              + masked
              + " (posting needs a journal file "
              + file.getFileName()
              + "-journal beside the ledger), so nothing was posted. Check the folder's"
              + " permissions, then run again.",
          e);
    }
    if (dialect.readOnly(e)) {
      return notPosted(
          "为只读",
          "请检查文件或数据库权限：运行 ipsubsidy 的用户须能写入该账本。",
          "is read-only",
          "Check the file's or the database's permissions: whoever runs ipsubsidy must be able"
              + " to write it.",
          e);
    }
    if (dialect.diskFull(e)) {
      return notPosted(
          "所在磁盘已满", "请腾出空间后重新运行。", "is on a full disk", "Free some space, then run again.", e);
    }
    if (dialect.connectionLost(e)) {
      return notPosted(
          "的连接中断",
          "请检查网络和数据库服务器后重新运行。",
          "lost its connection",
          "Check the network and the database server, then run again.",
          e);
    }
    return notPosted(
        "操作失败：" + firstLine(e),
        "请检查数据库连接后重试。",
        "failed: " + firstLine(e),
        "Check the database connection and run again.",
        e);
  }

  /**
   * Opening or migrating failed ({@code cause} from Flyway): a read-only ledger or one whose folder
   * cannot be written is told as such, anything else as a ledger that cannot be opened.
   */
  LedgerException openFailed(Exception cause) {
    SQLException sql = sqlCause(cause);
    if (sql != null && (dialect.readOnly(sql) || dialect.cantOpen(sql))) {
      return failed(sql);
    }
    return LedgerException.of(
        masked,
        "无法打开或升级账本 " + masked + "：" + firstLine(cause) + "。请确认该地址指向ipsubsidy账本、数据库可连接且有写权限。",
        "cannot open or migrate the ledger "
            + masked
            + ": "
            + firstLine(cause)
            + ". Check that the URL names an ipsubsidy ledger, the database is reachable and"
            + " writable.",
        cause);
  }

  /** "账本 X 为只读，本次未过账。请…" / "the ledger X is read-only, so nothing was posted. Check…". */
  private LedgerException notPosted(
      String zh, String zhToDo, String en, String enToDo, SQLException e) {
    return LedgerException.of(
        masked,
        "账本 " + masked + " " + zh + "，本次未过账。" + zhToDo,
        "the ledger " + masked + " " + en + ", so nothing was posted. " + enToDo,
        e);
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return LedgerLocation.mask(nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
