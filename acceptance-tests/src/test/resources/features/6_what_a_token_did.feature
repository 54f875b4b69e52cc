Feature: What a token did, and a leaked token stopped
  Tokens are shared with scripts, co-workers and third-party assistants. Their owner can always see what each did
  and from where, keep only the methods it really uses, and anyone who finds a token value where it should not be
  can stop it by the value alone.

  Background:
    Given Ann has an account
    And Ann is signed in
    And Ann has an environment "my-project"

  Scenario: Ann sees what a token did, and from where
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    When a script at 192.0.2.10 stops "my-project" with the token "deploy from CI"
    And a script at 192.0.2.10 starts "my-project" with the token "deploy from CI"
    And a script at 198.51.100.7 deletes "my-project" with the token "deploy from CI"
    Then Ann's log for "deploy from CI" shows it was generated
    And Ann's log for "deploy from CI" shows 1 call of "environment.Control.StopEnv" from 192.0.2.10
    And Ann's log for "deploy from CI" shows a refused call of "environment.Control.DeleteEnv" from 198.51.100.7
    And Ann's token list shows "deploy from CI" used from 192.0.2.10
    And "my-project" is still running

  Scenario: A leaked token is revoked by its value alone
    Given Ann has generated a token "deploy from CI" with the "IDE Plugins" API
    When a secret scanner reports the value of "deploy from CI" as leaked
    Then the scanner is answered exactly as for a value that never existed
    And the token "deploy from CI" no longer works
    And Ann's token list shows "deploy from CI" with the "IDE Plugins" API, revoked-for-leak
    And Ann's log for "deploy from CI" shows it was revoked for a leak
    When Ann regenerates the token "deploy from CI", confirming with her password
    Then the new value works

  # narrowing is the shell's token narrow, and EditToken with the token's usedMethods through the API
  @no-page
  Scenario: Least privilege in one step: keep only the methods a token used
    Given Ann has generated a token "deploy from CI" with the "Extended Access" API
    When a script stops "my-project" with the token "deploy from CI"
    And Ann narrows the token "deploy from CI" to the methods it used, confirming with her password
    Then only "environment.Control.StopEnv" is checked for the token "deploy from CI"
    And a script looks at "my-project" with the token "deploy from CI"
    And the call is refused as not permitted
