package cn.ipsubsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipsubsidy.domain.EntityType;
import org.junit.jupiter.api.Test;

class EntityIdsTest {

  @Test
  void publishedExamplesAreValid() {
    assertThat(EntityIds.usccCheckChar("91350100M000100Y4")).isEqualTo("3");
    assertThat(EntityIds.usccProblem("91350100M000100Y43")).isEmpty();
    assertThat(EntityIds.residentIdCheckChar("11010519491231002")).isEqualTo('X');
    assertThat(EntityIds.residentIdProblem("11010519491231002X")).isEmpty();
  }

  @Test
  void checkFunctionsRejectBadInput() {
    assertThatThrownBy(() -> EntityIds.usccCheckChar("91350100M000100Y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntityIds.usccCheckChar("91350100M000100I4"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntityIds.residentIdCheckChar("1101051949123100X"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validIdsAreNormalised() {
    assertThat(EntityIds.parse(" 91350100m000100y43 ", EntityType.ENTERPRISE).value())
        .isEqualTo("91350100M000100Y43");
    assertThat(EntityIds.parse("９１３５０１００Ｍ０００１００Ｙ４３", EntityType.UNIVERSITY).value())
        .isEqualTo("91350100M000100Y43");
    assertThat(EntityIds.parse("110105 19491231 002x", EntityType.INDIVIDUAL).value())
        .isEqualTo("11010519491231002X");
    assertThat(EntityIds.parse("11010519491231002X", null).value()).isEqualTo("11010519491231002X");
  }

  @Test
  void wrongCheckCharacterNamesTheExpectedOne() {
    assertThat(EntityIds.parse("91350100M000100Y44", EntityType.ENTERPRISE).error().en())
        .isEqualTo("wrong check character: expected 3, found 4");
    assertThat(EntityIds.parse("91350100M000100Y44", EntityType.ENTERPRISE).error().zh())
        .isEqualTo("统一社会信用代码校验位错误：应为 3，实为 4");
    assertThat(EntityIds.parse("110105194912310021", EntityType.INDIVIDUAL).error().en())
        .isEqualTo("wrong check digit: expected X, found 1");
  }

  @Test
  void wrongLengthAndCharacters() {
    assertThat(EntityIds.parse("91320700MA1MXXXX", EntityType.ENTERPRISE).error().en())
        .contains("18 characters, found 16");
    assertThat(EntityIds.parse("91350100I000100Y43", EntityType.ENTERPRISE).error().en())
        .contains("character 'I' at position 9");
    assertThat(EntityIds.parse("110105491231002", EntityType.INDIVIDUAL).error().en())
        .contains("found 15")
        .contains("15-digit");
    assertThat(EntityIds.parse("11010519490231002X", EntityType.INDIVIDUAL).error().en())
        .contains("birth date")
        .contains("19490231");
    assertThat(EntityIds.parse("1101051949123100AX", EntityType.INDIVIDUAL).error().en())
        .contains("position 17");
  }

  @Test
  void typeMismatchIsExplained() {
    assertThat(EntityIds.parse("91350100M000100Y43", EntityType.INDIVIDUAL).error().en())
        .contains("an individual needs a resident ID");
    assertThat(EntityIds.parse("11010519491231002X", EntityType.ENTERPRISE).error().en())
        .contains("an organisation needs a unified social credit code");
  }

  @Test
  void scientificNotationHint() {
    assertThat(EntityIds.parse("1.10105E+17", EntityType.INDIVIDUAL).error().en())
        .contains("scientific notation");
  }

  @Test
  void fixtureIdsAreValid() {
    assertThat(EntityIds.usccProblem(Fixtures.USCC_A)).isEmpty();
    assertThat(EntityIds.usccProblem(Fixtures.USCC_B)).isEmpty();
    assertThat(EntityIds.residentIdProblem(Fixtures.PERSON)).isEmpty();
  }
}
