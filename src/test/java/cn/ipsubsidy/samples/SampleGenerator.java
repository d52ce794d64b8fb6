package cn.ipsubsidy.samples;

import cn.ipsubsidy.claims.EntityIds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the bundled samples: {@code samples/claims-2025Q1-lianyungang.xlsx} (a title row, a 合计
 * row, every lyg-2021 clause, caps that bind) and {@code samples/claims-2025Q1-wuxi.csv} (GB18030,
 * every wx-2020 clause). Deterministic: the same rows every time. Run from the project folder:
 * {@code ./mvnw -q test-compile exec:java} is not needed; {@code SampleGeneratorTest} regenerates
 * into a temporary folder and checks the checked-in files hold the same data.
 */
public final class SampleGenerator {

  /** Columns in the order written; Chinese headers as in the contract. */
  static final List<String> HEADERS =
      List.of(
          "申报编号", "主体代码", "主体名称", "主体类型", "所属地区", "条款", "事项日期", "数量", "级别", "计算基数", "扣除金额", "发生费用",
          "核定金额", "指标", "指标2", "成立日期", "凭证号", "备注");

  record Entity(String id, String name, String type, String district) {}

  /** A sample row; cells are written as text unless they are dates or plain numbers. */
  record Line(
      String claimId,
      Entity entity,
      String clause,
      Object eventDate,
      Integer qty,
      String level,
      Object basis,
      Object deduction,
      Object fees,
      Object approved,
      Integer metric,
      Integer metric2,
      LocalDate established,
      String refs,
      String note) {}

  static String uscc(String first17) {
    return first17 + EntityIds.usccCheckChar(first17);
  }

  static String residentId(String first17) {
    return first17 + EntityIds.residentIdCheckChar(first17);
  }

  // ---- Lianyungang (lyg-2021)

  static final Entity E1 = new Entity(uscc("91320706MA1000001"), "连云港海创医药有限公司", "企业", "海州区");
  static final Entity E2 = new Entity(uscc("91320703MA1000002"), "江苏港城新材料股份有限公司", "企业", "连云区");
  static final Entity E3 = new Entity(uscc("91320706MA1000003"), "连云港智诚专利代理事务所", "服务机构", "海州区");
  static final Entity E4 = new Entity(uscc("12320722MB1000004"), "连云港东海水晶产业园管理委员会", "园区", "东海县");
  static final Entity E5 = new Entity(uscc("11320707MB1000005"), "连云港市赣榆区人民政府", "县区", "赣榆区");
  static final Entity E6 = new Entity(uscc("12320700MB1000006"), "江苏海洋大学", "高校", "海州区");
  static final Entity E7 = new Entity(uscc("12320706MB1000007"), "连云港市新海实验中学", "学校", "海州区");
  static final Entity E8 = new Entity(uscc("51320700MC1000008"), "连云港市知识产权保护协会", "社会组织", "市本级");
  static final Entity E9 = new Entity(uscc("51320723MC1000009"), "灌云县农产品地理标志协会", "社会组织", "灌云县");
  static final Entity E10 =
      new Entity(uscc("91320791MA1000010"), "连云港瑞祥商标代理有限公司", "服务机构", "连云港经济技术开发区");
  static final Entity P1 = new Entity(residentId("32070619850612123"), "张伟", "个人", "海州区");
  static final Entity P2 = new Entity(residentId("32070319900208234"), "李娜", "个人", "连云区");

  static LocalDate d(int m, int day) {
    return LocalDate.of(2025, m, day);
  }

  static Line l(String id, Entity e, String clause, Object date) {
    return new Line(
        id, e, clause, date, null, null, null, null, null, null, null, null, null, null, null);
  }

  static List<Line> lianyungang() {
    List<Line> r = new ArrayList<>();
    String p = "LYG-2025Q1-";
    r.add(
        new Line(
            p + "001",
            E1,
            "lyg-2021/1a",
            d(1, 8),
            3,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "ZL202310000001.5；ZL202310000002.X；ZL202310000003.4",
            "本地规则每件3000元"));
    r.add(
        new Line(
            p + "002",
            E1,
            "lyg-2021/1b",
            d(1, 20),
            null,
            null,
            "20万",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "中国专利奖银奖，省级奖励资金20万元"));
    r.add(
        new Line(
            p + "003",
            E6,
            "lyg-2021/1c",
            "2025年1月22日",
            null,
            null,
            50000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "江苏专利奖"));
    r.add(
        new Line(
            p + "004",
            E2,
            "lyg-2021/2a 马德里商标国际注册",
            d(1, 10),
            2,
            null,
            null,
            null,
            null,
            null,
            12,
            null,
            null,
            "G1234567;G1234568",
            null));
    r.add(
        new Line(
            p + "005",
            E2,
            "lyg-2021/2a",
            d(2, 15),
            2,
            null,
            null,
            null,
            null,
            null,
            15,
            null,
            null,
            "G1234569,G1234570",
            "年度上限3万元，本行只余1万元"));
    r.add(
        new Line(
            p + "006",
            E2,
            "lyg-2021/2a",
            d(3, 10),
            1,
            null,
            null,
            null,
            null,
            null,
            11,
            null,
            null,
            "G1234571",
            "年度上限已用完"));
    r.add(
        new Line(
            p + "007",
            E1,
            "lyg-2021/2a",
            d(2, 3),
            1,
            null,
            null,
            null,
            null,
            null,
            8,
            null,
            null,
            "G1234572",
            "延伸注册国不足10个"));
    r.add(
        new Line(
            p + "008",
            E1,
            "lyg-2021/2b",
            "2025/2/8",
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "TM-2025-001",
            null));
    r.add(
        new Line(
            p + "009",
            E9,
            "lyg-2021/3a",
            d(1, 28),
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "GI-320723-01",
            "灌云大米地理标志商标"));
    r.add(
        new Line(
            p + "010",
            E4,
            "lyg-2021/4a",
            d(2, 11),
            null,
            "省",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    r.add(
        new Line(
            p + "011",
            E5,
            "lyg-2021/4b",
            d(2, 12),
            null,
            "国家",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    r.add(l(p + "012", E8, "lyg-2021/5a", d(1, 30)));
    r.add(
        new Line(
            p + "013",
            E10,
            "lyg-2021/5b",
            d(3, 3),
            null,
            null,
            null,
            null,
            null,
            180000,
            null,
            null,
            null,
            null,
            "运营绩效评审核定"));
    r.add(
        new Line(
            p + "014",
            E4,
            "lyg-2021/6a",
            d(3, 5),
            null,
            null,
            null,
            null,
            null,
            600000,
            null,
            null,
            null,
            "DH-2025-01",
            "核定60万元，超过最高50万元"));
    r.add(l(p + "015", E6, "lyg-2021/7a", d(1, 16)));
    r.add(l(p + "016", E1, "lyg-2021/8a", d(2, 20)));
    r.add(l(p + "017", E2, "lyg-2021/8b", d(2, 20)));
    r.add(
        new Line(
            p + "018",
            E2,
            "lyg-2021/9a",
            d(1, 25),
            null,
            null,
            480000,
            null,
            null,
            null,
            null,
            null,
            null,
            "ZY-2024-088",
            "贷款利息及评估费"));
    r.add(
        new Line(
            p + "019",
            E2,
            "lyg-2021/9a",
            d(3, 18),
            null,
            null,
            200000,
            null,
            null,
            null,
            null,
            null,
            null,
            "ZY-2025-011",
            "年度上限30万元，本行只余6万元"));
    r.add(
        new Line(
            p + "020",
            E1,
            "lyg-2021/9b",
            d(2, 26),
            null,
            null,
            36000,
            null,
            null,
            null,
            null,
            null,
            null,
            "BX-2025-007",
            null));
    r.add(l(p + "021", E2, "lyg-2021/9c", d(3, 20)));
    r.add(
        new Line(
            p + "022",
            E1,
            "lyg-2021/10a",
            d(1, 14),
            null,
            null,
            "¥12,500.00",
            null,
            null,
            null,
            null,
            null,
            null,
            "(2024)苏07民初123号",
            "每件最高1万元"));
    r.add(
        new Line(
            p + "023",
            E2,
            "lyg-2021/11a",
            d(2, 6),
            null,
            null,
            80000,
            null,
            null,
            null,
            null,
            null,
            null,
            "WQ-2025-003",
            null));
    r.add(
        new Line(
            p + "024",
            E1,
            "lyg-2021/11b",
            d(2, 27),
            null,
            null,
            400000,
            100000,
            null,
            null,
            null,
            null,
            null,
            "(2024)苏07知民初45号",
            "败诉方承担10万元"));
    r.add(
        new Line(
            p + "025",
            E2,
            "lyg-2021/11c",
            d(3, 12),
            null,
            null,
            240000,
            null,
            null,
            null,
            null,
            null,
            null,
            "(2024)苏0706刑初9号",
            "每件案件不超过5万元"));
    r.add(l(p + "026", E8, "lyg-2021/11d", d(3, 6)));
    r.add(
        new Line(
            p + "027",
            E8,
            "lyg-2021/11e",
            d(3, 7),
            null,
            "市",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    r.add(
        new Line(
            p + "028",
            E3,
            "lyg-2021/12a",
            d(2, 20),
            null,
            null,
            null,
            null,
            null,
            null,
            560,
            28,
            LocalDate.of(2022, 6, 18),
            null,
            null));
    r.add(
        new Line(
            p + "029",
            E3,
            "lyg-2021/12b",
            d(2, 21),
            null,
            null,
            null,
            null,
            null,
            null,
            76,
            null,
            null,
            null,
            "上年度代理本市发明专利授权76件"));
    r.add(
        new Line(
            p + "030",
            E10,
            "lyg-2021/12c",
            d(2, 21),
            null,
            null,
            null,
            null,
            null,
            null,
            650,
            420,
            null,
            null,
            null));
    r.add(
        new Line(
            p + "031",
            E3,
            "lyg-2021/12d",
            d(3, 14),
            null,
            null,
            null,
            null,
            null,
            60000,
            65,
            null,
            null,
            null,
            null));
    r.add(l(p + "032", E6, "lyg-2021/13a", d(1, 9)));
    r.add(
        new Line(
            p + "033",
            E7,
            "lyg-2021/13b",
            d(3, 21),
            null,
            "省",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    r.add(l(p + "034", P1, "lyg-2021/14a", d(1, 12)));
    r.add(l(p + "035", P2, "lyg-2021/14b", d(1, 12)));
    r.add(l(p + "036", P1, "lyg-2021/14c", d(1, 13)));
    r.add(l(p + "037", P2, "lyg-2021/14d", d(1, 13)));
    r.add(
        new Line(
            p + "038",
            E1,
            "lyg-2021/14e",
            d(3, 1),
            3,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "知识产权师3人"));
    r.add(
        new Line(
            p + "039",
            E1,
            "lyg-2021/14f",
            d(3, 1),
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    r.add(l(p + "040", E2, "lyg-2021/14g", d(3, 1)));
    r.add(
        new Line(
            p + "041",
            E3,
            "lyg-2021/14h",
            d(3, 2),
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    r.add(
        new Line(
            p + "042",
            E6,
            "lyg-2021/15a",
            d(3, 25),
            null,
            null,
            null,
            null,
            null,
            "8.5万",
            null,
            null,
            null,
            "RKX-2025-02",
            null));
    r.add(
        new Line(
            p + "043",
            E2,
            "lyg-2021/2b",
            LocalDate.of(2021, 6, 30),
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "TM-2021-009",
            "事项日期早于政策施行"));
    r.add(
        new Line(
            p + "044",
            E3,
            "lyg-2021/5b",
            d(3, 28),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "尚待运营绩效评审"));
    return r;
  }

  // ---- Wuxi (wx-2020)

  static final Entity W1 = new Entity(uscc("91320214MA1000101"), "无锡华光微电子有限公司", "企业", "新吴区");
  static final Entity W2 = new Entity(uscc("91320281MA1000102"), "江阴长江新材料股份有限公司", "企业", "江阴市");
  static final Entity W3 = new Entity(uscc("51320282MC1000103"), "宜兴紫砂文化产业协会", "社会组织", "宜兴市");
  static final Entity W4 = new Entity(uscc("91320211MA1000104"), "无锡知识产权运营服务有限公司", "服务机构", "滨湖区");
  static final Entity W5 = new Entity(uscc("12320200MB1000105"), "江南大学", "高校", "滨湖区");
  static final Entity W6 = new Entity(uscc("11320205MB1000106"), "无锡锡山经济技术开发区管理委员会", "园区", "锡山区");
  static final Entity P3 = new Entity(residentId("32020219880315456"), "王芳", "个人", "梁溪区");
  static final Entity P4 = new Entity(residentId("32020619920721567"), "赵强", "个人", "惠山区");

  static List<Line> wuxi() {
    List<Line> r = new ArrayList<>();
    String p = "WX-2025Q1-";
    r.add(
        new Line(
            p + "001",
            W1,
            "wx-2020/1a",
            "2025-01-15",
            4,
            null,
            null,
            null,
            "26000",
            null,
            null,
            null,
            null,
            "ZL202410000011.3;ZL202410000012.8;ZL202410000013.2;ZL202410000014.7",
            null));
    r.add(
        new Line(
            p + "002",
            P3,
            "wx-2020/1a",
            "2025/1/20",
            1,
            null,
            null,
            null,
            "3000",
            null,
            null,
            null,
            null,
            "ZL202410000021.7",
            "个人减半"));
    r.add(
        new Line(
            p + "003",
            P4,
            "wx-2020/1a",
            "2025.2.3",
            1,
            null,
            null,
            null,
            "2000",
            null,
            null,
            null,
            null,
            "ZL202410000031.0",
            "以发生费用为限"));
    r.add(
        new Line(
            p + "004",
            W2,
            "wx-2020/1b",
            "20250205",
            6,
            null,
            null,
            null,
            "2,400",
            null,
            null,
            null,
            null,
            null,
            "外观设计6件"));
    r.add(
        new Line(
            p + "005",
            W1,
            "wx-2020/1c",
            "2025-02-10",
            2,
            null,
            null,
            null,
            "5000",
            null,
            8,
            null,
            null,
            "ZL201710000041.4;ZL201710000042.9",
            "第8年年费"));
    r.add(
        new Line(
            p + "006",
            W1,
            "wx-2020/1d",
            "2025-02-12",
            1,
            null,
            null,
            null,
            "68000",
            null,
            null,
            null,
            null,
            "US11223344B2",
            "PCT"));
    r.add(
        new Line(
            p + "007",
            W2,
            "wx-2020/1e",
            "2025-02-14",
            1,
            null,
            null,
            null,
            "12000",
            "7777.77",
            null,
            null,
            null,
            "G1777777",
            null));
    r.add(
        new Line(
            p + "008",
            W2,
            "wx-2020/2a",
            "2025-01-22",
            null,
            null,
            null,
            null,
            null,
            "280000",
            null,
            null,
            null,
            "ZLTJ-2025-01",
            null));
    r.add(
        new Line(
            p + "009",
            W5,
            "wx-2020/3a",
            "2025-03-03",
            null,
            null,
            null,
            null,
            null,
            "120万",
            null,
            null,
            null,
            "GJZ-2025-01",
            "核定120万元，超过最高100万元"));
    r.add(l(p + "010", W5, "wx-2020/3b", "2025-03-04"));
    r.add(
        new Line(
            p + "011",
            W1,
            "wx-2020/4a",
            "2025-01-18",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "CERT-2025-0101",
            null));
    r.add(
        new Line(
            p + "012",
            W1,
            "wx-2020/4b",
            "2025-03-18",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "CERT-2025-0101",
            "同一证书已按4a申报"));
    r.add(
        new Line(
            p + "013",
            W2,
            "wx-2020/4b",
            "2025-02-18",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "CERT-2025-0202",
            null));
    r.add(
        new Line(
            p + "014",
            W1,
            "wx-2020/5a",
            "2025-02-25",
            null,
            null,
            "1,100,000.00",
            null,
            null,
            null,
            null,
            null,
            null,
            "DK-2024-301",
            "每个项目最高50万元"));
    r.add(
        new Line(
            p + "015",
            W2,
            "wx-2020/6a",
            "2025-03-06",
            null,
            null,
            "90000",
            null,
            null,
            null,
            null,
            null,
            null,
            "BX-2025-015",
            null));
    r.add(l(p + "016", W4, "wx-2020/7a", "2025-03-07"));
    r.add(
        new Line(
            p + "017",
            W6,
            "wx-2020/8a",
            "2025-01-27",
            null,
            null,
            null,
            null,
            null,
            "6000000",
            null,
            null,
            null,
            "JJQ-001",
            "第一阶段"));
    r.add(
        new Line(
            p + "018",
            W4,
            "wx-2020/9a",
            "2025-01-28",
            null,
            null,
            null,
            null,
            null,
            "5000000",
            null,
            null,
            null,
            "PT-01",
            "第一阶段"));
    r.add(
        new Line(
            p + "019",
            W4,
            "wx-2020/9a",
            "2025-03-27",
            null,
            null,
            null,
            null,
            null,
            "4000000",
            null,
            null,
            null,
            "PT-01",
            "第二阶段：累计上限800万元"));
    r.add(
        new Line(
            p + "020",
            W4,
            "wx-2020/10a",
            "2025-02-28",
            null,
            null,
            null,
            null,
            null,
            "150万",
            null,
            null,
            null,
            "PT-02",
            null));
    r.add(
        new Line(
            p + "021",
            W4,
            "wx-2020/11a",
            "2025-03-11",
            null,
            null,
            null,
            null,
            null,
            "800000",
            null,
            null,
            null,
            null,
            null));
    r.add(
        new Line(
            p + "022",
            W4,
            "wx-2020/11b",
            "2025-03-12",
            null,
            null,
            null,
            null,
            null,
            "450000",
            null,
            null,
            null,
            null,
            null));
    r.add(
        new Line(
            p + "023",
            W3,
            "wx-2020/12a",
            "2025-01-30",
            null,
            null,
            null,
            null,
            null,
            "260000",
            null,
            null,
            null,
            "LM-2025-01",
            null));
    r.add(
        new Line(
            p + "024",
            W2,
            "wx-2020/13a",
            "2025-02-19",
            null,
            null,
            "600000",
            null,
            null,
            null,
            null,
            null,
            null,
            "(2024)苏02民初888号",
            null));
    r.add(
        new Line(
            p + "025",
            W1,
            "wx-2020/13b",
            "2025-02-20",
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "TM-CM-2025-01",
            null));
    r.add(
        new Line(
            p + "026",
            W1,
            "wx-2020/14a",
            "2025-03-13",
            null,
            null,
            null,
            null,
            null,
            "300000",
            null,
            null,
            null,
            "YJ-2025-01",
            null));
    r.add(
        new Line(
            p + "027",
            W6,
            "wx-2020/14b",
            "2025-03-14",
            null,
            null,
            null,
            null,
            null,
            "520000",
            null,
            null,
            null,
            "DH-2025-02",
            null));
    r.add(
        new Line(
            p + "028",
            W3,
            "wx-2020/15a",
            "2025-01-31",
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "GI-2025-01",
            "宜兴紫砂"));
    r.add(
        new Line(
            p + "029",
            W3,
            "wx-2020/15b",
            "2025-02-07",
            2,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "JT-2025-01;ZM-2025-02",
            null));
    r.add(
        new Line(
            p + "030",
            W3,
            "wx-2020/15c",
            "2025-03-17",
            null,
            null,
            null,
            null,
            null,
            "180000",
            null,
            null,
            null,
            "GC-2025-01",
            null));
    r.add(l(p + "031", W5, "wx-2020/16a", "2025-03-19"));
    r.add(
        new Line(
            p + "032",
            P3,
            "wx-2020/1a",
            "2025-03-24",
            1,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "ZL202410000022.1",
            "缺发生费用"));
    return r;
  }

  // ---- writers

  public static void writeLianyungang(Path target) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("申报汇总");
      CreationHelper helper = wb.getCreationHelper();
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle moneyStyle = wb.createCellStyle();
      moneyStyle.setDataFormat(helper.createDataFormat().getFormat("#,##0.00"));
      sheet.createRow(0).createCell(0).setCellValue("2025年第一季度知识产权资助申报汇总表（连云港市）");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
      Row header = sheet.createRow(1);
      for (int c = 0; c < HEADERS.size(); c++) {
        header.createCell(c).setCellValue(HEADERS.get(c));
      }
      List<Line> lines = lianyungang();
      int r = 2;
      for (Line line : lines) {
        writeCells(sheet.createRow(r++), values(line), dateStyle, moneyStyle);
      }
      // The closing 合计 row sums the money columns with formulas, as offices write it.
      Row total = sheet.createRow(r);
      total.createCell(0).setCellValue("合计");
      for (int c = 9; c <= 12; c++) {
        String col = String.valueOf((char) ('A' + c));
        Cell cell = total.createCell(c);
        cell.setCellFormula("SUM(" + col + "3:" + col + r + ")");
        cell.setCellStyle(moneyStyle);
      }
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      try (OutputStream out = Files.newOutputStream(target)) {
        wb.write(out);
      }
    }
  }

  /**
   * Writes one claims row in {@link #HEADERS} order: dates as date cells, numbers as numbers (the
   * money columns formatted), anything else as text; null leaves the cell empty.
   */
  static void writeCells(Row row, Object[] v, CellStyle dateStyle, CellStyle moneyStyle) {
    for (int c = 0; c < v.length; c++) {
      if (v[c] == null) {
        continue;
      }
      Cell cell = row.createCell(c);
      if (v[c] instanceof LocalDate date) {
        cell.setCellValue(date);
        cell.setCellStyle(dateStyle);
      } else if (v[c] instanceof Number n) {
        cell.setCellValue(n.doubleValue());
        if (c >= 9 && c <= 12) {
          cell.setCellStyle(moneyStyle);
        }
      } else {
        cell.setCellValue(v[c].toString());
      }
    }
  }

  public static void writeWuxi(Path target) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("2025年第一季度知识产权资助申报汇总表（无锡市）\r\n");
    sb.append(String.join(",", HEADERS)).append("\r\n");
    for (Line line : wuxi()) {
      Object[] v = values(line);
      List<String> cells = new ArrayList<>();
      for (Object o : v) {
        cells.add(csv(o == null ? "" : o.toString()));
      }
      sb.append(String.join(",", cells)).append("\r\n");
    }
    Files.write(target, sb.toString().getBytes(Charset.forName("GB18030")));
  }

  private static Object[] values(Line l) {
    return new Object[] {
      l.claimId(),
      l.entity().id(),
      l.entity().name(),
      l.entity().type(),
      l.entity().district(),
      l.clause(),
      l.eventDate(),
      l.qty(),
      l.level(),
      l.basis(),
      l.deduction(),
      l.fees(),
      l.approved(),
      l.metric(),
      l.metric2(),
      l.established(),
      l.refs(),
      l.note()
    };
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "samples");
    Files.createDirectories(dir);
    writeLianyungang(dir.resolve("claims-2025Q1-lianyungang.xlsx"));
    writeWuxi(dir.resolve("claims-2025Q1-wuxi.csv"));
  }
}
