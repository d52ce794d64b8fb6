/**
 * Reading the claims file (申报汇总表) of the io contract ({@code shared/spec/io-contract.md}).
 *
 * <p>{@link cn.ipsubsidy.claims.ClaimsFiles#read} detects the format (.xlsx, .xls, .csv) by content
 * and extension, finds the header row (the first row within the first 20 with at least 3 known
 * column names, Chinese or English), and streams each data row to a sink as a {@link
 * cn.ipsubsidy.domain.ClaimRow}: the claim as far as it could be read plus a {@link
 * cn.ipsubsidy.domain.CellProblem} for every bad cell. Whole-file errors are {@link
 * cn.ipsubsidy.claims.ClaimsFileException}s (CLI exit code 2).
 *
 * <p>Cell forms are parsed by small public classes, each usable on its own: {@link
 * cn.ipsubsidy.claims.MoneyParser}, {@link cn.ipsubsidy.claims.DateParser}, {@link
 * cn.ipsubsidy.claims.IntegerParser}, {@link cn.ipsubsidy.claims.EntityIds} and {@link
 * cn.ipsubsidy.claims.References}.
 */
package cn.ipsubsidy.claims;
