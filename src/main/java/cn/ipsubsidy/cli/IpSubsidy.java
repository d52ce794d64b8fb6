package cn.ipsubsidy.cli;

public class IpSubsidy {
  public static void main(String[] a) {
    System.out.println("hi");
  }
}
