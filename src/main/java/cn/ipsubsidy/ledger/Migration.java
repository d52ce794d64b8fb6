package cn.ipsubsidy.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/**
 * Brings a ledger's schema up to date with Flyway ({@code db/migration/common}, then {@code
 * db/migration/sqlite|postgresql}, history in {@code ledger_schema_history}) and checks that a
 * PostgreSQL database can hold Chinese text (UTF8).
 *
 * <p>Flyway is handed a {@link DataSource} that opens each connection from the URL with the
 * dialect's properties, as every other call of the ledger does; no pool, since each call of the
 * ledger opens its own connection and closes it (a dropped connection affects one call). The
 * drivers' own DataSources would not do: xerial's sets an open mode over the URL's {@code
 * open_mode}, and PostgreSQL's rebuilds the URL from the parameters it knows.
 */
final class Migration {
  private Migration() {}

  /**
   * Migrates the ledger at {@code url}.
   *
   * @return true when this created the schema (the ledger was empty)
   * @throws LedgerException when it cannot be opened or migrated, or is not UTF8
   */
  static boolean migrate(String url, Dialect dialect, LedgerErrors errors, String masked) {
    if (current(url, dialect)) {
      if (dialect instanceof PostgresDialect) {
        checkEncoding(url, dialect, errors, masked);
      }
      return false;
    }
    MigrateResult result;
    try {
      result = flyway(new UrlDataSource(url, dialect.properties()), dialect).migrate();
    } catch (FlywayException e) {
      throw errors.openFailed(e);
    }
    if (result.migrationsExecuted > 0) {
      // Flyway's own INFO lines are off (the warm-up's would read as a migration of every run)
      LoggerFactory.getLogger(Ledger.class)
          .info(
              "ledger {}: schema migrated from version {} to {} ({} migrations)",
              masked,
              result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
              result.targetSchemaVersion,
              result.migrationsExecuted);
    }
    if (dialect instanceof PostgresDialect) {
      checkEncoding(url, dialect, errors, masked);
    }
    return result.initialSchemaVersion == null && result.migrationsExecuted > 0;
  }

  /**
   * The migrations this code ships, by version, with the checksum Flyway records for each ({@code
   * ledger_schema_history.checksum}); {@code MigrationTest} holds them against the files and
   * against what Flyway records, so a new or changed migration cannot be missed here.
   */
  static final Map<String, Integer> SQLITE = Map.of("1", 1175598309, "2", -1135342308);

  static final Map<String, Integer> POSTGRESQL = Map.of("1", 1175598309, "2", 1164424982);

  /**
   * Whether the ledger's schema history holds exactly the shipped migrations, each applied
   * successfully and unchanged (same checksums): then there is nothing for Flyway to do or to
   * validate, and it is not started. Flyway's start (its configuration, Jackson, the scan of the
   * class path for migrations: about a thousand classes) was the largest part of opening a ledger,
   * paid by every quarter's run. Anything else (a new ledger, a pending or failed migration, a
   * changed file, no history table) goes to Flyway as before.
   */
  static boolean current(String url, Dialect dialect) {
    Map<String, Integer> expected = dialect instanceof PostgresDialect ? POSTGRESQL : SQLITE;
    Map<String, Integer> found = new HashMap<>();
    try {
      Connection c = dialect.transactions().openRead(url);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT version, checksum, success FROM ledger_schema_history"
                      + " WHERE version IS NOT NULL")) {
        while (rs.next()) {
          String version = rs.getString(1);
          int checksum = rs.getInt(2);
          if (rs.wasNull() || !rs.getBoolean(3) || found.put(version, checksum) != null) {
            return false;
          }
        }
      } finally {
        dialect.transactions().endRead(c);
      }
    } catch (SQLException e) {
      return false; // no history table yet, or no ledger: Flyway creates it or says why not
    }
    return found.equals(expected);
  }

  private static Flyway flyway(DataSource dataSource, Dialect dialect) {
    return Flyway.configure(Migration.class.getClassLoader())
        .dataSource(dataSource)
        .locations(dialect.migrationLocations())
        .placeholders(dialect.placeholders())
        .table("ledger_schema_history")
        .failOnMissingLocations(true)
        .load();
  }

  /**
   * Runs the SQLite migrations on a private in-memory database and forgets it: Flyway's start (its
   * plugins, configuration and SQL parser, some 700 ms) is then paid on the thread that calls this,
   * not by the run that opens a new ledger, whose own migration then takes a tenth of that. No file
   * is made: the database lives in memory while {@code keeper} holds it open.
   */
  static void warmUp() {
    String url =
        "jdbc:sqlite:file:ipsubsidy-warmup-"
            + Long.toHexString(System.nanoTime())
            + "?mode=memory&cache=shared";
    try (Connection keeper = DriverManager.getConnection(url)) {
      org.sqlite.SQLiteDataSource memory = new org.sqlite.SQLiteDataSource();
      memory.setUrl(url);
      flyway(memory, Dialect.SQLITE).migrate();
    } catch (SQLException | FlywayException e) {
      LoggerFactory.getLogger(Ledger.class).debug("ledger warm-up failed", e);
    }
  }

  private static void checkEncoding(
      String url, Dialect dialect, LedgerErrors errors, String masked) {
    String encoding;
    try {
      Connection c = dialect.transactions().openRead(url);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW server_encoding")) {
        rs.next();
        encoding = rs.getString(1);
      } finally {
        dialect.transactions().endRead(c);
      }
    } catch (SQLException e) {
      throw errors.failed(e);
    }
    if (!"UTF8".equalsIgnoreCase(encoding)) {
      throw LedgerException.of(
          masked,
          "账本数据库 " + masked + " 的编码为" + encoding + "，须为UTF8才能保存中文；请用 ENCODING 'UTF8' 建库。",
          "the ledger database "
              + masked
              + " uses encoding "
              + encoding
              + "; it must be UTF8 to hold Chinese text. Create it with ENCODING 'UTF8'.",
          null);
    }
  }

  /** The minimal DataSource Flyway needs: connections from the JDBC URL. */
  private static final class UrlDataSource implements DataSource {
    private final String url;
    private final Properties properties;
    private PrintWriter log;

    UrlDataSource(String url, Properties properties) {
      this.url = url;
      this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      Properties p = new Properties();
      p.putAll(properties);
      if (username != null) {
        p.setProperty("user", username);
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      return DriverManager.getConnection(url, p);
    }

    @Override
    public PrintWriter getLogWriter() {
      return log;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      this.log = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
      DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      if (iface.isInstance(this)) {
        return iface.cast(this);
      }
      throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return iface.isInstance(this);
    }
  }
}
