Feature: What the seed implies
  Questions a reviewer asks that the seed answers only between the lines.

  Background:
    Given Ann has an account
    And Ann is signed in
    And Ann has an environment "my-project"

  Scenario: An expired token fails, stays listed as expired, and can be regenerated
    Given Ann has generated a token "yearly" expiring at "31-12-2026" with the "IDE Plugins" API
    When the date passes "31-12-2026"
    And Ann is signed in
    Then Ann's token list shows "yearly" with the "IDE Plugins" API, expired
    And the token "yearly" no longer works
    When Ann regenerates the token "yearly" to expire at "31-12-2027", confirming with her password
    Then the new value works
    And Ann's token list shows "yearly" with the "IDE Plugins" API, active

  Scenario: A token works through the whole of its last day, and not after
    Given Ann has generated a token "yearly" expiring at "31-12-2026" with the "IDE Plugins" API
    When it is the last moment of "31-12-2026"
    Then the token "yearly" still works
    When the date passes "31-12-2026"
    Then the token "yearly" no longer works

  Scenario: The old value fails after regeneration
    Given Ann has generated a token "ci" with the "Extended Access" API
    When Ann regenerates the token "ci", confirming with her password
    Then the old value no longer works

  Scenario: A token cannot manage tokens
    Given Ann has generated a token "powerful" with the "Extended Access" API
    When a script lists Ann's tokens with only the token
    Then the call is refused as not permitted
    When a script generates a token with only the token
    Then the call is refused as not permitted

  Scenario: A token works only for its own account
    Given Bob has an account
    And Bob has an environment "bobs-project"
    And Ann has generated a token "ann's" with the "Extended Access" API
    When a script stops "bobs-project" with only the token
    Then the call is refused as the environment does not exist
    And "bobs-project" is still running

  Scenario: An account with two-factor authentication works through tokens without codes
    Given Carol has an account with two-factor authentication
    And Carol is signed in with her password and a two-factor code
    And Carol has an environment "carols-project"
    And Carol has generated a token "automation" with the "IDE Plugins" API
    When a script stops "carols-project" with only the token
    Then the call succeeds with result 0
