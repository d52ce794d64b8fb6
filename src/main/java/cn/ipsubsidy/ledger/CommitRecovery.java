package cn.ipsubsidy.ledger;

import cn.ipsubsidy.domain.Bilingual;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the commit of a locked run fails (the connection drops, the disk fills), whether the run was
 * posted all the same (the answer lost on the way back) is asked on a new connection under the run
 * lock, which the failed transaction holds until the database has ended it: posted, the run goes on
 * as if the commit had answered; not posted, it is told as the failure it was; not known, the clerk
 * is told how to find out ({@link CommitUnknownException}).
 */
final class CommitRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  private final String url;
  private final String masked;
  private final Dialect dialect;
  private final LedgerErrors errors;

  CommitRecovery(String url, String masked, Dialect dialect, LedgerErrors errors) {
    this.url = url;
    this.masked = masked;
    this.dialect = dialect;
    this.errors = errors;
  }

  /**
   * The commit failed with {@code e} after posting {@code posted}: were they posted?
   *
   * @return true when they were
   * @throws LedgerException saying nothing was posted, or that it is not known
   */
  boolean posted(SQLException e, List<String> posted, Duration wait) {
    if (posted.isEmpty()) {
      throw errors.failed(e);
    }
    String runId = posted.get(0);
    Boolean found;
    Transactions transactions = dialect.transactions();
    try {
      Connection check = transactions.openLocked(url, wait.plusSeconds(30), masked, null);
      try {
        found = new Store(check, dialect).run(runId).isPresent();
      } finally {
        try {
          transactions.rollback(check);
        } catch (SQLException ignored) {
          // closing ends it too
        }
        Dialect.close(check);
      }
    } catch (SQLException | LedgerException unknown) {
      e.addSuppressed(unknown);
      found = null;
    }
    if (Boolean.TRUE.equals(found)) {
      LOG.warn("run {}: the commit failed, but the run is in the ledger {}", runId, masked, e);
      return true;
    }
    if (found == null) {
      LOG.error("run {}: the commit failed; whether it is in {} is not known", runId, masked, e);
      throw new CommitUnknownException(
          Bilingual.of(
              "账本 "
                  + masked
                  + " 在提交运行 "
                  + runId
                  + " 时连接中断，无法确认是否已过账。请在账本恢复后用 ipsubsidy ledger runs 查看是否有运行 "
                  + runId
                  + "：没有才重新运行。本次的输出文件已保留：下一次对此账本的 ipsubsidy ledger verify 或 calc"
                  + " 在确认已过账后将其放到位。",
              "the connection to the ledger "
                  + masked
                  + " broke while run "
                  + runId
                  + " was being committed, so whether it was posted is not known. Once the ledger"
                  + " can be reached, see with 'ipsubsidy ledger runs' whether run "
                  + runId
                  + " is there, and run again only if it is not. Its outputs are kept: the next"
                  + " 'ipsubsidy ledger verify' or calc on this ledger puts them in place if it was"
                  + " posted."),
          masked,
          runId,
          e);
    }
    LOG.warn("run {}: the commit failed and the run is not in the ledger {}", runId, masked);
    throw errors.failed(e);
  }
}
