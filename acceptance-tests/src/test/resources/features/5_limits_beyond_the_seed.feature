Feature: Tokens limited beyond their methods
  Personal access tokens "can authenticate just a specified part of the account functionality, so you can share
  them with co-workers and third-party assistants without creating a security breach". Beyond its methods, a token
  can be limited to chosen environments and to the addresses it is used from; it can be rotated without breaking
  the scripts that hold it; and it warns before it expires.

  Background:
    Given Ann has an account
    And Ann is signed in

  Scenario: Ann shares a token with a co-worker that can stop only the staging environment
    Given Ann has an environment "staging"
    And Ann has an environment "production"
    When Ann generates a token "for Bob" with the "IDE Plugins" API, limited to the environment "staging"
    Then Ann's token list shows "for Bob" limited to "staging"
    When Bob stops "staging" with the token "for Bob"
    Then the call succeeds with result 0
    When Bob stops "production" with the token "for Bob"
    Then the call is answered as if "production" did not exist
    And "production" is still running
    When Bob lists the environments with the token "for Bob"
    Then he sees "staging" and no other environment

  Scenario: A token that works only from the office
    Given Ann has an environment "my-project"
    When Ann generates a token "office CI" with the "IDE Plugins" API, allowed only from "192.0.2.0/24"
    And a script at 192.0.2.10 stops "my-project" with the token "office CI"
    Then the call succeeds with result 0
    When a script at 198.51.100.7 starts "my-project" with the token "office CI"
    Then the call is refused as not permitted, naming the token's allowed addresses rule but not the addresses
    And Ann sees "my-project" stopped

  Scenario: Rotating a token without breaking the scripts that hold it
    Given Ann has generated a token "deploy" with the "IDE Plugins" API
    When Ann regenerates the token "deploy", letting the old value work for 60 more minutes
    Then the old and the new value of "deploy" both work
    And Ann's token list shows the old value's hint beside "deploy"
    When Ann ends the overlap of "deploy", confirming with her password
    Then the old value of "deploy" no longer works
    And the new value of "deploy" still works
    And Ann's token list shows no old value beside "deploy"

  Scenario: An overlap ends on its own
    Given Ann has generated a token "deploy" with the "IDE Plugins" API
    When Ann regenerates the token "deploy", letting the old value work for 60 more minutes
    And 60 minutes pass
    Then the old value of "deploy" no longer works
    And the new value of "deploy" still works

  Scenario: A token about to expire warns before it breaks
    Given Ann has generated a token "deploy" expiring at "30-11-2026" with the "IDE Plugins" API
    And Ann has generated a token "nightly" expiring at "31-03-2027" with the "IDE Plugins" API
    Then Ann's token list marks "deploy" as expiring soon, and not "nightly"
    And a script using the token "deploy" is told it expires on "2026-11-30"

  @shell-only
  Scenario: The shell warns of tokens about to expire when Ann signs in
    Given Ann has generated a token "deploy" expiring at "30-11-2026" with the "IDE Plugins" API
    When Ann signs out and signs in again
    Then she is warned that the token "deploy" expires soon
