package cn.ipsubsidy.report;

/**
 * The CRC-32 of two byte sequences one after the other from the CRC-32 of each and the length of
 * the second, as zlib's {@code crc32_combine}: appending {@code len2} zero bits to the first is a
 * linear map over GF(2), applied by squaring the one-zero-bit operator (a 32×32 bit matrix) once
 * per bit of the length. Lets a worksheet's XML be deflated in parts written at different times
 * (its columns, known last, before its rows) and still carry one CRC in the zip.
 */
final class Crc32Combine {
  private static final int POLY = 0xedb88320; // CRC-32, reflected

  private Crc32Combine() {}

  /** The CRC-32 of A followed by B, given A's CRC, B's CRC and B's length in bytes. */
  static long combine(long crc1, long crc2, long len2) {
    if (len2 < 0) {
      throw new IllegalArgumentException("negative length " + len2);
    }
    if (len2 == 0) {
      return crc1;
    }
    int[] even = new int[32]; // operator for 2^n zero bits, n even
    int[] odd = new int[32]; // for n odd
    odd[0] = POLY; // the operator for one zero bit
    int row = 1;
    for (int n = 1; n < 32; n++) {
      odd[n] = row;
      row <<= 1;
    }
    square(even, odd); // two zero bits
    square(odd, even); // four
    int c1 = (int) crc1;
    // apply len2 zero bytes to crc1 (the first squaring below gives the one-byte operator)
    do {
      square(even, odd);
      if ((len2 & 1) != 0) {
        c1 = times(even, c1);
      }
      len2 >>>= 1;
      if (len2 == 0) {
        break;
      }
      square(odd, even);
      if ((len2 & 1) != 0) {
        c1 = times(odd, c1);
      }
      len2 >>>= 1;
    } while (len2 != 0);
    return (c1 ^ (int) crc2) & 0xffffffffL;
  }

  private static int times(int[] mat, int vec) {
    int sum = 0;
    for (int i = 0; vec != 0; i++, vec >>>= 1) {
      if ((vec & 1) != 0) {
        sum ^= mat[i];
      }
    }
    return sum;
  }

  private static void square(int[] square, int[] mat) {
    for (int n = 0; n < 32; n++) {
      square[n] = times(mat, mat[n]);
    }
  }
}
