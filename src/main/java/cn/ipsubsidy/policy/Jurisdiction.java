package cn.ipsubsidy.policy;

import java.util.List;

/** The city a policy applies in and its districts and counties (所属地区 values). */
public record Jurisdiction(String id, String city, List<String> districts) {
  public Jurisdiction {
    districts = List.copyOf(districts);
  }
}
