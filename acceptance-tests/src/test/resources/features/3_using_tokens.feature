Feature: Using access tokens
  Just execute the required API method, specifying the token within the session parameter. For a successful
  operation the result is 0; any non-zero value stands for an error.

  Background:
    Given Ann has an account
    And Ann is signed in
    And Ann has an environment "my-project"

  Scenario: Stop an environment with a token
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    When a script stops "my-project" with only the token
    Then the call succeeds with result 0
    And Ann sees "my-project" stopped

  Scenario: Any non-zero result stands for an error
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    When a script stops "someone-elses-project" with only the token
    Then the call fails with a non-zero result and says why
    And a script deletes "my-project" with only the token
    And the call fails with a non-zero result and says why
    And "my-project" is still running

  Scenario: A mistyped token is refused before anything else
    When a script stops "no such project!" with a mistyped token
    Then the call is refused as not authenticated
    And the platform looked nothing up to refuse it
