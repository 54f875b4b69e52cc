Feature: Managing access tokens
  In the Access Tokens tab an account lists its tokens and can Generate, Edit (or regenerate), Copy, Remove and
  Refresh them. Every change to the tokens requires confirmation with the password before it is applied.

  Background:
    Given Ann has an account
    And Ann is signed in

  Scenario: The list shows every token of the account (Refresh)
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    And Ann has generated a token "monitoring" with the "Extended Access" API
    When Ann refreshes her token list
    Then Ann's token list shows "deploy from CI" with the "IDE Plugins" API, active
    And Ann's token list shows "monitoring" with the "Extended Access" API, active

  Scenario: Refresh shows the most recent changes, made elsewhere too
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    And Ann's token list shows 1 token
    When a token "made elsewhere" is generated for Ann in another session
    And the token "deploy from CI" is removed in another session
    And Ann refreshes her token list
    Then Ann's token list shows "made elsewhere" with the "Marketplace" API, active
    And Ann's token list shows 1 token

  Scenario: Generate a token with a description, an expiration date and a predefined API set
    When Ann generates a token "deploy from CI" expiring at "31-10-2027" with the "Maven Plugin" API
    Then the token's value is shown to Ann
    And Ann's token list shows "deploy from CI" with the "Maven Plugin" API, expiring at "31-10-2027"

  Scenario Outline: Every predefined API set can be chosen
    When Ann generates a token "<set> token" with the "<set>" API
    Then Ann's token list shows "<set> token" with the "<set>" API, active

    Examples:
      | set             |
      | Extended Access |
      | IDE Plugins     |
      | Marketplace     |
      | Maven Plugin    |

  Scenario: Generate a token with a Custom list of methods
    When Ann generates a token "custom" with the Custom API "environment.Control.StopEnv, environment.Control.StartEnv"
    Then Ann's token list shows "custom" with the "Custom" API, active
    And the token "custom" holds exactly "environment.Control.StopEnv, environment.Control.StartEnv"

  Scenario: Search for methods and show only the checked ones
    Given Ann has generated a token "custom" with the Custom API "environment.Control.StopEnv"
    When Ann searches the API methods for "env"
    Then the methods found include "environment.Control.StopEnv" and "environment.Control.GetEnvInfo"
    And each method found links to its API docs
    And only "environment.Control.StopEnv" is checked for the token "custom"

  Scenario: The token value is shown once and never again
    When Ann generates a token "deploy from CI" with the "IDE Plugins" API
    Then the token's value is shown to Ann
    And the token's value appears nowhere in Ann's token list

  @ui-only
  Scenario: Download the value to a file
    When Ann generates a token "deploy from CI" with the "IDE Plugins" API and downloads its value
    Then the downloaded file holds the token's value
    And the token "deploy from CI" works

  # a browser writes downloads as it does every file; the shell's --save makes its file private
  @shell-only
  Scenario: The shell saves the value in a file only its owner can read
    When Ann generates a token "deploy from CI" with the "IDE Plugins" API and downloads its value
    Then the downloaded file holds the token's value, and only Ann may read it

  @ui-only
  Scenario: Copy the value to the clipboard
    When Ann generates a token "deploy from CI" with the "IDE Plugins" API and copies its value
    Then the clipboard holds the token's value

  Scenario: Edit a token's description
    Given Ann has generated a token "deploy" with the "IDE Plugins" API
    When Ann edits the token "deploy" to be described as "deploy from CI (main)", confirming with her password
    Then Ann's token list shows "deploy from CI (main)" with the "IDE Plugins" API, active
    And the token "deploy from CI (main)" still works

  Scenario: Edit a token's Expires At and API: the next call sees the change
    Given Ann has an environment "my-project"
    And Ann has generated a token "deploy" expiring at "31-12-2026" with the "IDE Plugins" API
    When Ann edits the token "deploy" to expire at "30-06-2027" with the Custom API "environment.Control.GetEnvInfo", confirming with her password
    Then Ann's token list shows "deploy" with the "Custom" API, expiring at "30-06-2027"
    And the token's value is not shown again
    When a script stops "my-project" with the token "deploy"
    Then the call is refused as not permitted
    When a script looks at "my-project" with the token "deploy"
    Then the call succeeds
    When the date passes "31-12-2026"
    And a script looks at "my-project" with the token "deploy"
    Then the call succeeds

  Scenario: Regenerate a lost token value: the old value becomes invalid
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    When Ann regenerates the token "deploy from CI", confirming with her password
    Then a new value is shown to Ann
    And the old value no longer works
    And the new value works
    And Ann's token list shows "deploy from CI" with the "IDE Plugins" API, active

  Scenario: Copy creates a new token using the parameters of an existing one
    Given Ann has generated a token "deploy from CI" expiring at "30-06-2027" with the "Maven Plugin" API
    When Ann copies the token "deploy from CI" as "for a colleague", confirming with her password
    Then the token's value is shown to Ann
    And Ann's token list shows "for a colleague" with the "Maven Plugin" API, expiring at "30-06-2027"
    And Ann's token list shows 2 tokens
    And the token "for a colleague" works
    And the token "deploy from CI" still works

  Scenario: Remove several tokens at once
    Given Ann has generated a token "one" with the "IDE Plugins" API
    And Ann has generated a token "two" with the "Marketplace" API
    And Ann has generated a token "three" with the "Maven Plugin" API
    When Ann removes the tokens "one" and "three", confirming with her password
    Then Ann's token list shows 1 token
    And Ann's token list shows "two" with the "Marketplace" API, active
    And the token "one" no longer works
    And the token "three" no longer works
    And the token "two" still works

  Scenario: Remove every token at once
    Given Ann has generated a token "one" with the "IDE Plugins" API
    And Ann has generated a token "two" with the "Marketplace" API
    When Ann removes all her tokens, confirming with her password
    Then Ann's token list shows 0 tokens
    And the token "one" no longer works
    And the token "two" no longer works

  Scenario Outline: Every change needs the password; a wrong one applies nothing
    Given Ann has generated a token "keep me" with the "IDE Plugins" API
    When Ann tries to <change> with a wrong password
    Then the change is refused for the wrong password
    And Ann's token list shows 1 token
    And Ann's token list shows "keep me" with the "IDE Plugins" API, active
    And the token "keep me" still works

    Examples:
      | change                           |
      | generate a token "another"       |
      | edit the token "keep me"         |
      | regenerate the token "keep me"   |
      | copy the token "keep me"         |
      | remove the token "keep me"       |

  Scenario: Bad input is explained and nothing is applied
    When Ann tries to generate a token with an expiration date "31-02-2027"
    Then the change is refused as invalid, naming the Expires At
    And Ann's token list shows 0 tokens

  # the page offers only the platform's own methods to tick: nobody types a method name there
  @no-page
  Scenario: A mistyped method name is explained with the closest one
    When Ann tries to generate a token with the Custom API "environment.Control.StopEnvs"
    Then the change is refused as invalid, naming the API and suggesting "environment.Control.StopEnv"
    And Ann's token list shows 0 tokens
