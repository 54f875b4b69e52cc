package dev.pat.acceptance.steps;

import dev.pat.acceptance.steps.PlatformDriver.Failure;
import dev.pat.acceptance.steps.PlatformDriver.Outcome;
import dev.pat.acceptance.steps.PlatformDriver.TokenView;
import dev.pat.app.ApiClient;
import dev.pat.app.crypto.TotpSecondFactor;
import dev.pat.domain.model.account.Account;
import dev.pat.domain.model.account.Caller;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.TotpSecret;
import dev.pat.domain.model.environment.EnvName;
import dev.pat.domain.model.environment.EnvStatus;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.out.SecondFactor;
import dev.pat.domain.testing.PinnedClock;
import dev.pat.persistence.Database;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** The steps of every feature, thin: they drive one face through {@link PlatformDriver} and check what it shows. */
public class TokenSteps {
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final String PASSWORD = "correct horse battery";
    private static final String WRONG_PASSWORD = "not my password at all";
    private static final String FAR_FUTURE = "30-09-2027";
    private static final String ENV = "/1.0/environment/control/rest/";
    private static final String AUTH = "/1.0/users/authentication/rest/";

    @Autowired
    PlatformDriver driver;
    @Autowired
    AdministerAccounts admin;
    @Autowired
    ManageEnvironments environments;
    @Autowired
    PinnedClock clock;
    @Autowired
    SecondFactor secondFactor;
    @Autowired
    Database database;
    @Value("${local.server.port}")
    int port;

    private int scenario;
    private ApiClient api;
    private final Map<String, String> logins = new HashMap<>();
    private final Map<String, TotpSecret> secrets = new HashMap<>();
    private final Map<String, Long> tokenIds = new HashMap<>();
    private final Map<String, String> tokenValues = new HashMap<>();
    private final Map<String, String> envOwners = new HashMap<>();
    private Outcome last;
    private String lastValue;
    private String oldValue;
    private ApiClient.Answer lastCall;
    private long lookupsBefore;
    private List<PlatformDriver.MethodView> found;

    @Before
    public void freshScenario() {
        scenario = SCENARIOS.incrementAndGet();
        api = new ApiClient(port);
        clock.set(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @After
    public void signOut() {
        driver.signOut();
        clock.set(Instant.parse("2026-11-27T10:00:00Z"));
    }

    // ---- accounts and environments

    private String login(String person) {
        return logins.computeIfAbsent(person, p -> p.toLowerCase(Locale.ROOT) + "-" + scenario + "@example.com");
    }

    private String env(String name) {
        return name + "-" + scenario;
    }

    private Account account(String person) {
        return admin.account(new Login(login(person))).orElseThrow();
    }

    @Given("{word} has an account")
    public void hasAnAccount(String person) {
        driver.createAccount(login(person), PASSWORD);
    }

    @Given("{word} has an account with two-factor authentication")
    public void hasAnAccountWithTwoFactor(String person) {
        hasAnAccount(person);
        AdministerAccounts.TwoFactorEnrolment enrolment = admin.beginTwoFactor(new Login(login(person)));
        admin.enableTwoFactor(new Login(login(person)), enrolment.secret(), code(enrolment.secret()));
        secrets.put(person, enrolment.secret());
    }

    private String code(TotpSecret secret) {
        return ((TotpSecondFactor) secondFactor).codeAt(secret, clock.now());
    }

    @Given("{word} is signed in")
    public void isSignedIn(String person) {
        Outcome signedIn = driver.signIn(login(person), PASSWORD, Optional.empty());
        assertThat(signedIn.ok()).as(signedIn.message()).isTrue();
    }

    @Given("{word} is signed in with her password and a two-factor code")
    public void isSignedInWithCode(String person) {
        // a code is good once: the one that turned two-factor on is spent, so wait for the next
        clock.set(clock.now().plusSeconds(30));
        Outcome signedIn = driver.signIn(login(person), PASSWORD, Optional.of(code(secrets.get(person))));
        assertThat(signedIn.ok()).as(signedIn.message()).isTrue();
    }

    @Given("{word} has an environment {string}")
    public void hasAnEnvironment(String person, String name) {
        environments.create(Caller.local(account(person).id()), new EnvName(env(name)));
        envOwners.put(name, person);
    }

    private EnvStatus statusOf(String name) {
        return environments.info(Caller.local(account(envOwners.get(name)).id()), new EnvName(env(name)))
                .status();
    }

    @Then("{string} is still running")
    public void stillRunning(String name) {
        assertThat(statusOf(name)).isEqualTo(EnvStatus.RUNNING);
    }

    @Then("{word} sees {string} stopped")
    public void seesStopped(String person, String name) {
        assertThat(statusOf(name)).isEqualTo(EnvStatus.DOWN);
        driver.environmentStatus(env(name)).ifPresent(shown -> assertThat(shown).isEqualTo("Stopped"));
    }

    // ---- generating

    private void generated(String description, Outcome outcome) {
        last = outcome;
        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        String value = outcome.value().orElseGet(() -> downloadedValue(outcome));
        tokenIds.put(description, outcome.id().orElseThrow());
        tokenValues.put(description, value);
        lastValue = value;
    }

    /** A value saved to a file rather than shown: what the file holds. */
    private static String downloadedValue(Outcome outcome) {
        Path file = Path.of(outcome.delivered().orElseThrow(() -> new AssertionError("no value was shown or saved")));
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new AssertionError("the saved value cannot be read from " + file, e);
        }
    }

    @Given("{word} has generated a token {string} with the {string} API")
    @When("{word} generates a token {string} with the {string} API")
    public void generates(String person, String description, String apiSet) {
        generated(description, driver.generate(description, FAR_FUTURE, Optional.of(apiSet), List.of(), PASSWORD));
    }

    @Given("{word} has generated a token {string} expiring at {string} with the {string} API")
    @When("{word} generates a token {string} expiring at {string} with the {string} API")
    public void generatesExpiring(String person, String description, String expiresAt, String apiSet) {
        generated(description, driver.generate(description, expiresAt, Optional.of(apiSet), List.of(), PASSWORD));
    }

    @Given("{word} has generated a token {string} with the Custom API {string}")
    @When("{word} generates a token {string} with the Custom API {string}")
    public void generatesCustom(String person, String description, String methods) {
        generated(description, driver.generate(description, FAR_FUTURE, Optional.empty(), split(methods), PASSWORD));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Then("the token's value is shown to {word}")
    public void valueShown(String person) {
        assertThat(last.value()).get().asString().matches("pat_[0-9A-Za-z]{46}");
    }

    @Then("the token's value appears nowhere in {word}'s token list")
    public void valueNotListed(String person) {
        assertThat(driver.listingText()).isNotBlank().doesNotContain(lastValue);
    }

    @Then("the token's value reveals neither {word}'s login nor her password")
    public void valueRevealsNothing(String person) {
        assertThat(lastValue).doesNotContain(login(person).split("@")[0]).doesNotContain("horse")
                .matches("pat_[0-9A-Za-z]{46}");
    }

    // ---- the list

    @When("{word} refreshes her token list")
    public void refreshes(String person) {
        assertThat(driver.list()).isNotNull();
    }

    @Then("{word}'s token list shows {int} token(s)")
    public void listShows(String person, int count) {
        assertThat(driver.list()).hasSize(count);
    }

    private TokenView row(String description) {
        return driver.list().stream().filter(t -> t.description().equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no token \"" + description + "\" in " + driver.list()));
    }

    @Then("{word}'s token list shows {string} with the {string} API, {word}")
    public void listShowsWithStatus(String person, String description, String api, String status) {
        TokenView row = row(description);
        assertThat(row.api()).isEqualTo(api);
        assertThat(row.status()).isEqualTo(status);
    }

    @Then("{word}'s token list shows {string} with the {string} API, expiring at {string}")
    public void listShowsExpiring(String person, String description, String api, String expiresAt) {
        TokenView row = row(description);
        assertThat(row.api()).isEqualTo(api);
        assertThat(row.expiresAt()).isEqualTo(expiresAt);
    }

    @Then("the token {string} holds exactly {string}")
    public void holdsExactly(String description, String methods) {
        assertThat(driver.checkedMethods(tokenIds.get(description)))
                .containsExactlyInAnyOrderElementsOf(split(methods));
    }

    // ---- the method picker

    @When("{word} searches the API methods for {string}")
    public void searches(String person, String search) {
        found = driver.methods(search);
    }

    @Then("the methods found include {string} and {string}")
    public void foundInclude(String first, String second) {
        assertThat(found).extracting(PlatformDriver.MethodView::method).contains(first, second);
    }

    @Then("each method found links to its API docs")
    public void linksToDocs() {
        assertThat(found).isNotEmpty().allSatisfy(m -> assertThat(m.docUrl()).startsWith("https://")
                .contains(m.method().substring(m.method().lastIndexOf('.') + 1)));
    }

    @Then("only {string} is checked for the token {string}")
    public void onlyChecked(String method, String description) {
        assertThat(driver.checkedMethods(tokenIds.get(description))).containsExactly(method);
    }

    // ---- edit, regenerate, copy, remove

    @When("{word} edits the token {string} to be described as {string}, confirming with her password")
    public void edits(String person, String description, String newDescription) {
        last = driver.edit(tokenIds.get(description), Optional.of(newDescription), Optional.empty(), Optional.empty(),
                List.of(), PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
        tokenIds.put(newDescription, tokenIds.get(description));
        tokenValues.put(newDescription, tokenValues.get(description));
    }

    @When("{word} regenerates the token {string}, confirming with her password")
    public void regenerates(String person, String description) {
        regenerate(description, Optional.empty());
    }

    @When("{word} regenerates the token {string} to expire at {string}, confirming with her password")
    public void regeneratesWithExpiry(String person, String description, String expiresAt) {
        regenerate(description, Optional.of(expiresAt));
    }

    private void regenerate(String description, Optional<String> expiresAt) {
        oldValue = tokenValues.get(description);
        last = driver.regenerate(tokenIds.get(description), expiresAt, PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
        lastValue = last.value().orElseThrow();
        tokenValues.put(description, lastValue);
    }

    @Then("a new value is shown to {word}")
    public void newValueShown(String person) {
        assertThat(lastValue).matches("pat_[0-9A-Za-z]{46}").isNotEqualTo(oldValue);
    }

    @When("{word} copies the token {string} as {string}, confirming with her password")
    public void copies(String person, String description, String copyDescription) {
        generated(copyDescription, driver.copy(tokenIds.get(description), copyDescription, PASSWORD));
    }

    @When("{word} removes the token {string}, confirming with her password")
    public void removes(String person, String description) {
        last = driver.remove(List.of(tokenIds.get(description)), PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
    }

    @When("{word} removes the tokens {string} and {string}, confirming with her password")
    public void removesTwo(String person, String first, String second) {
        last = driver.remove(List.of(tokenIds.get(first), tokenIds.get(second)), PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
    }

    @When("{word} edits the token {string} to expire at {string} with the Custom API {string}, confirming with her"
            + " password")
    public void editsExpiryAndApi(String person, String description, String expiresAt, String methods) {
        last = driver.edit(tokenIds.get(description), Optional.empty(), Optional.of(expiresAt), Optional.empty(),
                split(methods), PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
    }

    @Then("the token's value is not shown again")
    public void valueNotShownAgain() {
        assertThat(last.value()).isEmpty();
    }

    @When("{word} removes all her tokens, confirming with her password")
    public void removesAll(String person) {
        last = driver.removeAll(PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
    }

    @When("{word} generates a token {string} with the {string} API and downloads its value")
    public void generatesAndDownloads(String person, String description, String apiSet) {
        generated(description, driver.generate(description, FAR_FUTURE, Optional.of(apiSet), List.of(), PASSWORD,
                PlatformDriver.Delivery.DOWNLOADED));
    }

    @When("{word} generates a token {string} with the {string} API and copies its value")
    public void generatesAndCopies(String person, String description, String apiSet) {
        generated(description, driver.generate(description, FAR_FUTURE, Optional.of(apiSet), List.of(), PASSWORD,
                PlatformDriver.Delivery.COPIED));
    }

    @Then("the downloaded file holds the token's value")
    public void downloaded() throws Exception {
        Path file = Path.of(last.delivered().orElseThrow(() -> new AssertionError("nothing was downloaded")));
        assertThat(Files.readString(file).strip()).matches("pat_[0-9A-Za-z]{46}").isEqualTo(lastValue);
    }

    @Then("the downloaded file holds the token's value, and only {word} may read it")
    public void downloadedPrivately(String person) throws Exception {
        downloaded();
        Path file = Path.of(last.delivered().orElseThrow());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Then("the clipboard holds the token's value")
    public void copied() {
        assertThat(last.delivered()).as("what reached the clipboard").contains(lastValue);
    }

    // ---- changes made elsewhere, seen on Refresh

    private String otherSession(String person) {
        ApiClient.Answer signedIn = api.post(AUTH + "signin", params("login", login(person), "password", PASSWORD));
        assertThat(signedIn.result()).as(signedIn.body().toString()).isZero();
        return signedIn.text("session");
    }

    @When("a token {string} is generated for {word} in another session")
    public void generatedElsewhere(String description, String person) {
        ApiClient.Answer created = api.post(AUTH + "createtoken", params("session", otherSession(person),
                "password", PASSWORD, "description", description, "tokenTemplate", "Marketplace"));
        assertThat(created.result()).as(created.body().toString()).isZero();
    }

    @When("the token {string} is removed in another session")
    public void removedElsewhere(String description) {
        String person = logins.keySet().iterator().next();
        ApiClient.Answer removed = api.post(AUTH + "deletetokens", params("session", otherSession(person),
                "password", PASSWORD, "ids", Long.toString(tokenIds.get(description))));
        assertThat(removed.result()).as(removed.body().toString()).isZero();
    }

    // ---- refused changes

    @When("{word} tries to generate a token {string} with a wrong password")
    public void triesToGenerate(String person, String description) {
        last = driver.generate(description, FAR_FUTURE, Optional.of("IDE Plugins"), List.of(), WRONG_PASSWORD);
    }

    @When("{word} tries to edit the token {string} with a wrong password")
    public void triesToEdit(String person, String description) {
        last = driver.edit(tokenIds.get(description), Optional.of("changed"), Optional.empty(), Optional.empty(),
                List.of(), WRONG_PASSWORD);
    }

    @When("{word} tries to regenerate the token {string} with a wrong password")
    public void triesToRegenerate(String person, String description) {
        last = driver.regenerate(tokenIds.get(description), Optional.empty(), WRONG_PASSWORD);
    }

    @When("{word} tries to copy the token {string} with a wrong password")
    public void triesToCopy(String person, String description) {
        last = driver.copy(tokenIds.get(description), "a copy", WRONG_PASSWORD);
    }

    @When("{word} tries to remove the token {string} with a wrong password")
    public void triesToRemove(String person, String description) {
        last = driver.remove(List.of(tokenIds.get(description)), WRONG_PASSWORD);
    }

    @When("{word} tries to generate a token with an expiration date {string}")
    public void triesBadDate(String person, String expiresAt) {
        last = driver.generate("bad date", expiresAt, Optional.of("IDE Plugins"), List.of(), PASSWORD);
    }

    @When("{word} tries to generate a token with the Custom API {string}")
    public void triesBadMethod(String person, String methods) {
        last = driver.generate("bad method", FAR_FUTURE, Optional.empty(), split(methods), PASSWORD);
    }

    @Then("the change is refused for the wrong password")
    public void refusedForPassword() {
        assertThat(last.failure()).as(last.message()).isEqualTo(Failure.WRONG_PASSWORD);
    }

    @Then("^the change is refused as invalid, naming the ([A-Za-z ]+)$")
    public void refusedAsInvalid(String seedWord) {
        assertThat(last.failure()).as(last.message()).isEqualTo(Failure.INVALID);
        assertThat(last.message()).startsWith(driver.field(seedWord) + ": ");
    }

    @Then("the change is refused as invalid, naming the {} and suggesting {string}")
    public void refusedAsInvalidSuggesting(String seedWord, String suggestion) {
        refusedAsInvalid(seedWord);
        assertThat(last.message()).contains("did you mean " + suggestion + "?");
    }

    // ---- using tokens: the platform API, where tokens are used

    private String lastCallToken;

    private ApiClient.Answer callWith(String value, String method, Map<String, String> params) {
        params.put("session", value);
        lastCallToken = value;
        return api.get(ENV + method, params);
    }

    private boolean works(String value) {
        return api.get(ENV + "getenvs",
                params("session", value)).result() != 702;
    }

    @When("a script stops {string} with only the token")
    public void scriptStops(String name) {
        lastCall = callWith(lastValue, "stopenv", params("envName", env(name)));
    }

    @When("a script deletes {string} with only the token")
    public void scriptDeletes(String name) {
        lastCall = callWith(lastValue, "deleteenv", params("envName", env(name), "password", PASSWORD));
    }

    @When("a script stops {string} with a mistyped token")
    public void scriptStopsMistyped(String name) {
        String value = "pat_0123456789abcdefghijABCDEFGHIJ0123456789" + "zzzzzz";
        lookupsBefore = database.tokenLookupsInDatabase();
        lastCall = callWith(value, "stopenv", params("envName", env(name)));
    }

    @Then("the platform looked nothing up to refuse it")
    public void nothingLookedUp() {
        assertThat(database.tokenLookupsInDatabase()).isEqualTo(lookupsBefore);
    }

    @When("a script stops {string} with the token {string}")
    public void scriptStopsWith(String name, String description) {
        lastCall = callWith(tokenValues.get(description), "stopenv", params("envName", env(name)));
    }

    @When("a script looks at {string} with the token {string}")
    public void scriptLooksWith(String name, String description) {
        lastCall = callWith(tokenValues.get(description), "getenvinfo", params("envName", env(name)));
    }

    @When("a script lists {word}'s tokens with only the token")
    public void scriptListsTokens(String person) {
        lastCall = api.get(AUTH + "gettokens", params("session", lastValue));
    }

    @When("a script generates a token with only the token")
    public void scriptGeneratesToken() {
        lastCall = api.post(AUTH + "createtoken", params("session", lastValue, "password", PASSWORD,
                "description", "escalation", "tokenTemplate", "Extended Access", "expiresAt", FAR_FUTURE));
    }

    @Then("the call succeeds")
    @Then("the call succeeds with result 0")
    public void callSucceeds() {
        assertThat(lastCall.status()).isEqualTo(200);
        assertThat(lastCall.result()).as(lastCall.body().toString()).isZero();
        assertThat(lastCall.error()).isEmpty();
    }

    @Then("the call fails with a non-zero result and says why")
    public void callFails() {
        assertThat(lastCall.result()).isNotZero();
        assertThat(lastCall.error()).isNotBlank();
    }

    @Then("the call is refused as not permitted")
    public void refusedNotPermitted() {
        assertThat(lastCall.result()).as(lastCall.body().toString()).isEqualTo(8);
    }

    @Then("the call is refused as not authenticated")
    public void refusedNotAuthenticated() {
        assertThat(lastCall.result()).as(lastCall.body().toString()).isEqualTo(702);
    }

    @Then("the call is refused as the environment does not exist")
    public void refusedNoEnvironment() {
        assertThat(lastCall.result()).as(lastCall.body().toString()).isEqualTo(11);
    }

    @Then("each of the {int} tokens works on its own")
    public void eachWorks(int count) {
        assertThat(tokenValues).hasSize(count);
        assertThat(tokenValues.values()).allMatch(this::works).doesNotHaveDuplicates();
    }

    @Then("the token {string} still works")
    @Then("the token {string} works")
    public void stillWorks(String description) {
        assertThat(works(tokenValues.get(description))).isTrue();
    }

    @Then("the token {string} no longer works")
    public void noLongerWorks(String description) {
        assertThat(works(tokenValues.get(description))).isFalse();
    }

    @Then("the old value no longer works")
    public void oldValueFails() {
        assertThat(works(oldValue)).isFalse();
    }

    @Then("the new value works")
    public void newValueWorks() {
        assertThat(works(lastValue)).isTrue();
    }

    @When("the date passes {string}")
    public void datePasses(String date) {
        clock.set(Expiry.parse(date).end());
    }

    @When("it is the last moment of {string}")
    public void lastMomentOf(String date) {
        clock.set(Expiry.parse(date).end().minusMillis(1));
    }

    // ---- limits beyond the seed: environments, addresses, rotation with an overlap, expiry warnings

    private final Map<String, String> previousValues = new HashMap<>();

    @When("{word} generates a token {string} with the {string} API, limited to the environment {string}")
    public void generatesLimitedTo(String person, String description, String apiSet, String name) {
        generated(description, driver.generate(description, FAR_FUTURE, Optional.of(apiSet), List.of(),
                Map.of("envNames", env(name)), PASSWORD, PlatformDriver.Delivery.SHOWN));
    }

    @When("{word} generates a token {string} with the {string} API, allowed only from {string}")
    public void generatesAllowedFrom(String person, String description, String apiSet, String addresses) {
        generated(description, driver.generate(description, FAR_FUTURE, Optional.of(apiSet), List.of(),
                Map.of("allowedIps", addresses), PASSWORD, PlatformDriver.Delivery.SHOWN));
    }

    @Then("{word}'s token list shows {string} limited to {string}")
    public void listedLimitedTo(String person, String description, String name) {
        assertThat(row(description).envNames()).containsExactly(env(name));
    }

    @When("{word} stops {string} with the token {string}")
    public void personStopsWith(String person, String name, String description) {
        scriptStopsWith(name, description);
    }

    @When("{word} lists the environments with the token {string}")
    public void personListsWith(String person, String description) {
        lastCall = callWith(tokenValues.get(description), "getenvs", params());
    }

    @Then("the call is answered as if {string} did not exist")
    public void answeredAsMissing(String name) {
        assertThat(lastCall.result()).as(lastCall.body().toString()).isEqualTo(11);
        // word for word what a name nobody has gets: the token learns nothing of the environment
        String nobodys = env(name) + "-nowhere";
        ApiClient.Answer missing = callWith(lastCallToken, "stopenv", params("envName", nobodys));
        assertThat(lastCall.error().replace(env(name), "X")).isEqualTo(missing.error().replace(nobodys, "X"));
    }

    @Then("he sees {string} and no other environment")
    @Then("she sees {string} and no other environment")
    public void seesOnly(String name) {
        assertThat(lastCall.result()).as(lastCall.body().toString()).isZero();
        assertThat(lastCall.body().get("infos").valueStream().map(i -> i.get("env").get("envName").asString()))
                .containsExactly(env(name));
    }

    @When("a script at {word} stops {string} with the token {string}")
    public void scriptAtStops(String address, String name, String description) {
        lastCall = api.getFrom(address, ENV + "stopenv", params("session", tokenValues.get(description),
                "envName", env(name)));
    }

    @When("a script at {word} starts {string} with the token {string}")
    public void scriptAtStarts(String address, String name, String description) {
        lastCall = api.getFrom(address, ENV + "startenv", params("session", tokenValues.get(description),
                "envName", env(name)));
    }

    @Then("the call is refused as not permitted, naming the token's allowed addresses rule but not the addresses")
    public void refusedByAddress() {
        refusedNotPermitted();
        assertThat(lastCall.error()).contains("allowedIps").doesNotContain("192.0.2");
    }

    @When("{word} regenerates the token {string}, letting the old value work for {int} more minutes")
    public void regeneratesWithOverlap(String person, String description, int minutes) {
        previousValues.put(description, tokenValues.get(description));
        last = driver.regenerate(tokenIds.get(description), Optional.empty(), minutes, PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
        tokenValues.put(description, last.value().orElseThrow());
    }

    @Then("the old and the new value of {string} both work")
    public void bothWork(String description) {
        assertThat(works(previousValues.get(description))).as("the old value").isTrue();
        assertThat(works(tokenValues.get(description))).as("the new value").isTrue();
    }

    @Then("{word}'s token list shows the old value's hint beside {string}")
    public void listsOldHint(String person, String description) {
        String old = previousValues.get(description);
        assertThat(row(description).previousHint()).hasValueSatisfying(hint ->
                assertThat(hint).endsWith(old.substring(old.length() - 4)));
    }

    @Then("{word}'s token list shows no old value beside {string}")
    public void listsNoOldHint(String person, String description) {
        assertThat(row(description).previousHint()).isEmpty();
    }

    @When("{word} ends the overlap of {string}, confirming with her password")
    public void endsOverlap(String person, String description) {
        last = driver.endOverlap(tokenIds.get(description), PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
    }

    @When("{int} minutes pass")
    public void minutesPass(int minutes) {
        clock.set(clock.now().plusSeconds(60L * minutes));
    }

    @Then("the old value of {string} no longer works")
    public void oldValueOfFails(String description) {
        assertThat(works(previousValues.get(description))).isFalse();
    }

    @Then("the new value of {string} still works")
    public void newValueOfWorks(String description) {
        assertThat(works(tokenValues.get(description))).isTrue();
    }

    @Then("{word}'s token list marks {string} as expiring soon, and not {string}")
    public void marksExpiringSoon(String person, String soon, String later) {
        assertThat(row(soon).expiringSoon()).isTrue();
        assertThat(row(later).expiringSoon()).isFalse();
    }

    @Then("a script using the token {string} is told it expires on {string}")
    public void toldExpiry(String description, String day) {
        ApiClient.Answer answer = callWith(tokenValues.get(description), "getenvs", params());
        assertThat(answer.header("X-Token-Expires")).hasValueSatisfying(v -> assertThat(v).startsWith(day));
    }

    @When("{word} signs out and signs in again")
    public void signsInAgain(String person) {
        driver.signOut();
        last = driver.signIn(login(person), PASSWORD, Optional.empty());
        assertThat(last.ok()).as(last.message()).isTrue();
    }

    @Then("she is warned that the token {string} expires soon")
    public void warnedOfExpiry(String description) {
        assertThat(last.message()).contains("token " + tokenIds.get(description) + " \"" + description
                + "\" expires");
    }

    // ---- what a token did: its log, narrowing, leaks

    private List<PlatformDriver.EventView> logOf(String description) {
        // token use is written a minute at a time; the scenario reads it at once
        database.flushAudit();
        return driver.log(tokenIds.get(description));
    }

    @When("a script at {word} deletes {string} with the token {string}")
    public void scriptAtDeletes(String address, String name, String description) {
        lastCall = api.getFrom(address, ENV + "deleteenv", params("session", tokenValues.get(description),
                "envName", env(name), "password", PASSWORD));
    }

    @Then("{word}'s log for {string} shows it was generated")
    public void logShowsGenerated(String person, String description) {
        assertThat(logOf(description)).extracting(PlatformDriver.EventView::what).contains("token-generated");
    }

    @Then("{word}'s log for {string} shows it was revoked for a leak")
    public void logShowsLeak(String person, String description) {
        assertThat(logOf(description)).extracting(PlatformDriver.EventView::what)
                .contains("token-revoked-for-leak");
    }

    @Then("{word}'s log for {string} shows {int} call(s) of {string} from {word}")
    public void logShowsCalls(String person, String description, int calls, String method, String address) {
        assertThat(logOf(description)).filteredOn(e -> e.what().equals("token-use") && e.method().equals(method)
                && e.address().equals(address) && e.result().equals("ok")).singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(calls));
    }

    @Then("{word}'s log for {string} shows a refused call of {string} from {word}")
    public void logShowsRefusal(String person, String description, String method, String address) {
        assertThat(logOf(description)).filteredOn(e -> e.what().equals("token-use") && e.method().equals(method)
                && e.address().equals(address)).singleElement()
                .satisfies(e -> assertThat(e.result()).isEqualTo("denied"));
    }

    @Then("{word}'s token list shows {string} used from {word}")
    public void listedUsedFrom(String person, String description, String address) {
        database.flushAudit();
        assertThat(row(description).lastUsedIps()).contains(address);
    }

    private ApiClient.Answer scannerAnswer;

    @When("a secret scanner reports the value of {string} as leaked")
    public void scannerReports(String description) {
        scannerAnswer = api.post(AUTH + "revokeleakedtokens", params("keys", tokenValues.get(description)));
    }

    @Then("the scanner is answered exactly as for a value that never existed")
    public void scannerLearnsNothing() {
        ApiClient.Answer never = api.post(AUTH + "revokeleakedtokens",
                params("keys", "pat_0123456789abcdefghijABCDEFGHIJ0123456789zzzzzz"));
        assertThat(scannerAnswer.status()).isEqualTo(never.status());
        assertThat(scannerAnswer.body()).isEqualTo(never.body());
    }

    @When("{word} narrows the token {string} to the methods it used, confirming with her password")
    public void narrows(String person, String description) {
        database.flushAudit();
        last = driver.narrow(tokenIds.get(description), PASSWORD);
        assertThat(last.ok()).as(last.message()).isTrue();
    }
}
