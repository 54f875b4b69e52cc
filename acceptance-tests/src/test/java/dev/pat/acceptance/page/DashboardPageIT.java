package dev.pat.acceptance.page;

import dev.pat.acceptance.steps.FaceConfiguration;
import dev.pat.acceptance.steps.PlatformDriver;
import dev.pat.app.ApiClient;
import dev.pat.domain.port.in.AdministerAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pat.app.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page in real Chromium, for what the specification's scenarios do not say: its security headers,
 * where the session lives, the password pop-up taking a wrong then a right password, the keyboard, a narrow screen,
 * a token generated in the page stopping an environment the page then shows stopped; and the screenshot README
 * shows.
 */
class DashboardPageIT extends FaceConfiguration {
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    AdministerAccounts admin;

    private ChromeDriver browser;
    private PageDriver page;
    private String login;

    @BeforeEach
    void signIn() {
        browser = Browser.get();
        browser.manage().window().setSize(new Dimension(1280, 900));
        page = new PageDriver(browser, port, admin);
        login = "page" + ACCOUNTS.incrementAndGet() + "@example.com";
        page.createAccount(login, PASSWORD);
        assertThat(page.signIn(login, PASSWORD, Optional.empty()).ok()).isTrue();
    }

    @AfterEach
    void signOut() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        page.signOut();
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void the_page_is_served_with_a_strict_content_security_policy_and_cannot_be_framed() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("http"));
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.body()).doesNotContain("<script>").doesNotContain("style=").doesNotContain("onclick")
                .doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void the_session_lives_in_memory_only_and_a_value_leaves_the_page_when_its_dialog_closes() {
        PlatformDriverOutcome generated = generate("ci");
        assertThat(script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        assertThat(script("return document.cookie")).isEqualTo("");
        assertThat(browser.getCurrentUrl()).doesNotContain("session");
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) script(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(requested).isNotEmpty().noneMatch(url -> url.contains("session") || url.contains("password"));
        assertThat(browser.getPageSource()).doesNotContain(generated.value());
    }

    @Test
    void a_wrong_password_changes_nothing_and_says_so_then_the_right_one_goes_through() {
        page.button("Generate").click();
        page.labelled("Description").sendKeys("typed by hand");
        page.button("Generate").click();
        page.labelled("Password").sendKeys("not my password");
        page.button("Confirm").click();
        page.settle();
        assertThat(browser.findElement(By.id("password-error")).getText())
                .isEqualTo("Wrong password: nothing was changed.");
        assertThat(admin.allTokens()).noneMatch(t -> t.login().equals(login));
        page.labelled("Password").sendKeys(PASSWORD);
        page.button("Confirm").click();
        page.settle();
        assertThat(page.labelled("Token value").getDomProperty("value")).startsWith("pat_");
        page.button("Close").click();
        assertThat(page.list()).extracting(PlatformDriver.TokenView::description).containsExactly("typed by hand");
    }

    @Test
    void a_token_generated_in_the_page_stops_an_environment_the_page_then_shows_stopped() {
        ApiClient api = new ApiClient(port);
        String session = api.post("/1.0/users/authentication/rest/signin", params("login", login, "password",
                PASSWORD)).text("session");
        String env = "page-env-" + ACCOUNTS.get();
        assertThat(api.post("/1.0/environment/control/rest/createenvironment", params("session", session,
                "envName", env)).result()).isZero();
        assertThat(page.environmentStatus(env)).contains("Running");
        String value = generate("deploy from CI").value();
        ApiClient.Answer stopped = api.get("/1.0/environment/control/rest/stopenv", params("session", value,
                "envName", env));
        assertThat(stopped.result()).as(stopped.body().toString()).isZero();
        assertThat(page.environmentStatus(env)).contains("Stopped");
    }

    @Test
    void rows_are_picked_with_the_keyboard_and_several_removed_at_once() {
        for (String name : List.of("one", "two", "three")) {
            generate(name);
        }
        WebElement first = browser.findElement(By.cssSelector("#tokens tbody tr"));
        first.click();
        assertThat(script("return document.activeElement.dataset.index")).as("the row clicked has the focus")
                .isEqualTo("0");
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.SHIFT).perform();
        assertThat(browser.findElement(By.id("selection")).getText()).isEqualTo("2 tokens selected.");
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.SPACE).perform();
        assertThat(browser.findElement(By.id("selection")).getText()).isEqualTo("3 tokens selected.");
        page.button("Remove").click();
        assertThat(browser.findElement(By.id("password-what")).getText()).contains("Remove 3 tokens");
        page.labelled("Password").sendKeys(PASSWORD + Keys.ENTER);
        page.settle();
        assertThat(page.list()).isEmpty();
    }

    @Test
    void the_tab_reads_at_400_pixels_without_scrolling_sideways_and_a_screenshot_shows_it_at_1280() throws Exception {
        generate("deploy from CI");
        generate("nightly backup");
        page.list();
        browser.findElement(By.cssSelector("#tokens tbody tr")).click();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("access-tokens.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.manage().window().setSize(new Dimension(400, 800));
        long pageWidth = (Long) script("return document.documentElement.scrollWidth");
        long viewport = (Long) script("return document.documentElement.clientWidth");
        assertThat(pageWidth).as("no sideways scrolling of the page").isLessThanOrEqualTo(viewport);
        for (String tool : List.of("Generate", "Edit", "Copy", "Remove", "Refresh")) {
            Map<?, ?> box = (Map<?, ?>) script("const r = arguments[0].getBoundingClientRect();"
                    + "return {left: r.left, right: r.right};", page.button(tool));
            assertThat(((Number) box.get("right")).doubleValue()).as(tool + " fits").isLessThanOrEqualTo(viewport);
        }
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shots.resolve("access-tokens-400.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** A token generated through the page; its value as the page showed it. */
    private PlatformDriverOutcome generate(String description) {
        var outcome = page.generate(description, ApiClient.inDays(30), Optional.of("IDE Plugins"), List.of(), Map.of(),
                PASSWORD, PlatformDriver.Delivery.SHOWN);
        assertThat(outcome.ok()).as(outcome.message()).isTrue();
        return new PlatformDriverOutcome(outcome.value().orElseThrow());
    }

    private record PlatformDriverOutcome(String value) {
    }
}
