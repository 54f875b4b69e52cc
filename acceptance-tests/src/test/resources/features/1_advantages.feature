Feature: Why personal access tokens
  Personal access tokens are an alternative way to authenticate API requests which, compared with the default
  session-based method, gives greater versatility and reliability.

  Background:
    Given Ann has an account
    And Ann is signed in
    And Ann has an environment "my-project"

  Scenario: Several tokens can be generated at once to support different tasks
    When Ann generates a token "deploy from CI" with the "IDE Plugins" API
    And Ann generates a token "marketplace installs" with the "Marketplace" API
    And Ann generates a token "nightly stop" with the Custom API "environment.Control.StopEnv"
    Then Ann's token list shows 3 tokens
    And each of the 3 tokens works on its own

  Scenario: No extra request is needed to get a session
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    When a script stops "my-project" with only the token
    Then the call succeeds

  Scenario: Credentials are not exposed within scripts
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    Then the token's value reveals neither Ann's login nor her password
    And a script stops "my-project" with only the token

  Scenario: A token authenticates just a specified part of the account functionality
    Given Ann has generated a token "for a colleague" with the Custom API "environment.Control.GetEnvInfo"
    When a script stops "my-project" with only the token
    Then the call is refused as not permitted
    And "my-project" is still running

  Scenario: Tokens can be given an expiration date
    Given Ann has generated a token "short-lived" expiring at "31-12-2026" with the "IDE Plugins" API
    When the date passes "31-12-2026"
    And a script stops "my-project" with only the token
    Then the call is refused as not authenticated

  Scenario: Tokens can be manually revoked at any time
    Given Ann has generated a token "to revoke" with the "IDE Plugins" API
    When Ann removes the token "to revoke", confirming with her password
    And a script stops "my-project" with only the token
    Then the call is refused as not authenticated
