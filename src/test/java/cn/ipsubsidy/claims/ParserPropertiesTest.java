package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipsubsidy.domain.EntityType;
import cn.ipsubsidy.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The cell parsers: every form the contract allows reads back the value it was written from, money
 * text → parse → format → parse is the identity, no text makes a parser throw, and a check
 * character catches any one mistyped character.
 */
class ParserPropertiesTest {

  /** Amounts of up to a hundred billion yuan, to the fen. */
  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e11")).ofScale(2),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000")).ofScale(2),
        Arbitraries.longs().between(0, 100_000_000).map(BigDecimal::valueOf));
  }

  /** The money forms of the contract, each written from {@code v}. */
  static List<String> moneyForms(BigDecimal v) {
    String grouped = Money.format(v);
    String plain = v.stripTrailingZeros().toPlainString();
    String wan = v.movePointLeft(4).stripTrailingZeros().toPlainString();
    return List.of(
        grouped,
        plain,
        fullWidth(grouped),
        "¥" + grouped,
        "￥" + plain,
        plain + "元",
        " " + grouped + " ",
        wan + "万",
        wan + "万元");
  }

  @Property(tries = 500)
  void moneyTextParseFormatParseIsTheIdentity(@ForAll("amounts") BigDecimal v) {
    for (String text : moneyForms(v)) {
      Parsed<BigDecimal> first = MoneyParser.parseText(text);
      assertThat(first.error()).as(text).isNull();
      assertThat(first.value()).as(text).isEqualTo(v.setScale(2));
      Parsed<BigDecimal> again = MoneyParser.parseText(Money.format(first.value()));
      assertThat(again.value()).as(text).isEqualTo(first.value());
      assertThat(MoneyParser.parseText(Money.plain(first.value())).value())
          .isEqualTo(first.value());
    }
  }

  @Property(tries = 300)
  void aNumericCellOfFenReadsExactly(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long fen) {
    BigDecimal v = BigDecimal.valueOf(fen, 2);
    assertThat(MoneyParser.parseNumber(v.doubleValue()).value()).isEqualTo(v);
  }

  /** Text a clerk (or a hostile file) may put in a cell: digits of both widths, money signs, 万. */
  @Provide
  Arbitrary<String> cellText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789.,-+eE¥￥万元 （）()０１２９壹万零年月日/:Xx").ofMaxLength(24),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(30));
  }

  @Property(tries = 2000)
  void noTextMakesAParserThrowAndEveryValueReadIsInRange(@ForAll("cellText") String text) {
    Parsed<BigDecimal> money = MoneyParser.parseText(text);
    if (money.value() != null) {
      assertThat(money.value().signum()).as(text).isGreaterThanOrEqualTo(0);
      assertThat(money.value().scale()).as(text).isEqualTo(2);
    }
    Parsed<LocalDate> date = DateParser.parseText(text);
    if (date.value() != null) {
      assertThat(date.value().getYear()).as(text).isBetween(1900, 2199);
    }
    Parsed<Long> quantity = IntegerParser.parseText(text, 1, Integer.MAX_VALUE);
    if (quantity.value() != null) {
      assertThat(quantity.value()).as(text).isBetween(1L, (long) Integer.MAX_VALUE);
    }
    for (EntityType type : new EntityType[] {null, EntityType.ENTERPRISE, EntityType.INDIVIDUAL}) {
      Parsed<String> id = EntityIds.parse(text, type);
      if (id.value() != null) {
        assertThat(id.value()).as(text).hasSize(18);
      }
    }
    References.split(text).forEach(r -> assertThat(r).isNotBlank());
    assertThat(PersonalIds.mask(text)).hasSizeLessThanOrEqualTo(text.length());
  }

  @Property(tries = 300)
  void aNumberCellNeverThrows(@ForAll double d) {
    MoneyParser.parseNumber(d);
    IntegerParser.parseNumber(d, 1, Integer.MAX_VALUE);
    DateParser.parseNumber(d, true, false);
    DateParser.parseNumber(d, false, true);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs()
        .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Property(tries = 500)
  void everyDateFormReadsBackTheDate(@ForAll("dates") LocalDate d) {
    int y = d.getYear();
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    List<String> forms =
        List.of(
            d.toString(),
            y + "/" + m + "/" + day,
            y + "." + m + "." + day,
            y + "年" + m + "月" + day + "日",
            String.format("%04d%02d%02d", y, m, day),
            fullWidth(d.toString()),
            d + " 00:00:00");
    for (String text : forms) {
      assertThat(DateParser.parseText(text).value()).as(text).isEqualTo(d);
    }
  }

  @Property(tries = 300)
  void integersReadBackInEveryForm(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long n) {
    for (String text :
        List.of(Long.toString(n), String.format("%,d", n), fullWidth(Long.toString(n)), n + ".0")) {
      assertThat(IntegerParser.parseText(text, 0, Long.MAX_VALUE).value()).as(text).isEqualTo(n);
    }
  }

  @Provide
  Arbitrary<String> usccs() {
    return Arbitraries.strings()
        .withChars(EntityIds.USCC_CHARSET.toCharArray())
        .ofLength(17)
        .map(f -> f + EntityIds.usccCheckChar(f));
  }

  @Provide
  Arbitrary<String> residentIds() {
    return Arbitraries.longs()
        .between(LocalDate.of(1930, 1, 1).toEpochDay(), LocalDate.of(2020, 12, 31).toEpochDay())
        .flatMap(
            birth ->
                Arbitraries.integers()
                    .between(110000, 659999)
                    .flatMap(
                        region ->
                            Arbitraries.integers()
                                .between(0, 999)
                                .map(
                                    seq -> {
                                      String f =
                                          region
                                              + LocalDate.ofEpochDay(birth)
                                                  .toString()
                                                  .replace("-", "")
                                              + String.format("%03d", seq);
                                      return f + EntityIds.residentIdCheckChar(f);
                                    })));
  }

  /** Lower case, full width and blanks are normalised, then the check character is verified. */
  @Property(tries = 300)
  void aValidIdIsReadInEveryFormAClerkTypes(
      @ForAll("usccs") String uscc, @ForAll("residentIds") String person) {
    for (String[] idAndType :
        new String[][] {
          {uscc, EntityType.ENTERPRISE.name()}, {person, EntityType.INDIVIDUAL.name()}
        }) {
      String id = idAndType[0];
      EntityType type = EntityType.valueOf(idAndType[1]);
      for (String form :
          List.of(
              id,
              id.toLowerCase(java.util.Locale.ROOT),
              fullWidth(id),
              " " + id.substring(0, 6) + " " + id.substring(6, 14) + "\u3000" + id.substring(14))) {
        assertThat(EntityIds.parse(form, type).value()).as(form).isEqualTo(id);
      }
      assertThat(PersonalIds.mask(person))
          .isEqualTo(person.substring(0, 6) + "********" + person.substring(14));
    }
  }

  /** GB 32100 (mod 31) and GB 11643 (mod 11) catch any single mistyped character. */
  @Property(tries = 1000)
  void anyOneMistypedCharacterIsCaught(
      @ForAll("usccs") String uscc,
      @ForAll("residentIds") String person,
      @ForAll @IntRange(min = 0, max = 17) int at,
      @ForAll @IntRange(min = 1, max = 30) int shift) {
    String charset = EntityIds.USCC_CHARSET;
    char u = charset.charAt((charset.indexOf(uscc.charAt(at)) + shift) % charset.length());
    String badUscc = uscc.substring(0, at) + u + uscc.substring(at + 1);
    assertThat(EntityIds.parse(badUscc, EntityType.ENTERPRISE).isError()).as(badUscc).isTrue();

    String digits = at == 17 ? "0123456789X" : "0123456789";
    char p = digits.charAt((digits.indexOf(person.charAt(at)) + shift) % digits.length());
    Assume.that(p != person.charAt(at));
    String badPerson = person.substring(0, at) + p + person.substring(at + 1);
    assertThat(EntityIds.parse(badPerson, EntityType.INDIVIDUAL).isError()).as(badPerson).isTrue();
  }

  /** ASCII digits, letters and punctuation to their full-width forms (U+FF01…U+FF5E). */
  static String fullWidth(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return b.toString();
  }
}
