package org.agrisafe.intake.trace;

import java.util.regex.Pattern;

/**
 * Resident identity card numbers (GB 11643-1999, citizen identification number): 17 digits and an ISO 7064
 * MOD 11-2 check character (0-9 or X). Used to validate a ledger buyer's ID before it is hashed, and by the
 * personal-data scan to recognise an ID number in any text.
 */
public final class IdNumbers {
  private IdNumbers() {}

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  /** Any 18-character ID-number-shaped token (17 digits + digit or X), not part of a longer digit/hex run. */
  public static final Pattern ID_LIKE =
      Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

  /** A mainland mobile number, not part of a longer digit/hex run. */
  public static final Pattern MOBILE_LIKE =
      Pattern.compile("(?<![0-9A-Za-z])(\\+86)?1[3-9][0-9]{9}(?![0-9A-Za-z])");

  /** The check character for the first 17 digits. */
  public static char checkChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** Whether {@code id} (spaces and hyphens ignored) is 17 digits and its correct check character. */
  public static boolean valid(String id) {
    if (id == null) {
      return false;
    }
    String s = id.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    if (!s.matches("[0-9]{17}[0-9X]")) {
      return false;
    }
    return checkChar(s.substring(0, 17)) == s.charAt(17);
  }
}
