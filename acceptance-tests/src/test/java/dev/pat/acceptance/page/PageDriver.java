package dev.pat.acceptance.page;

import dev.pat.acceptance.steps.PlatformDriver;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.port.in.AdministerAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The features through the dashboard page in real Chromium, as a person would use it: controls found by their
 * labels and the seed's words, rows picked with clicks, Ctrl-clicks and Shift-clicks, every change confirmed in the
 * password pop-up. What it reads is what the page shows.
 */
class PageDriver implements PlatformDriver {
    private static final Pattern ENVIRONMENTS = Pattern.compile("environments: ([^·]+)");
    private static final Pattern OLD_VALUE = Pattern.compile("old value (\\S+) works until");
    private static final Pattern USED_FROM = Pattern.compile("used from: ([^·]+)");

    private final ChromeDriver browser;
    private final String base;
    private final AdministerAccounts admin;
    private final WebDriverWait wait;

    PageDriver(ChromeDriver browser, int port, AdministerAccounts admin) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port + "/";
        this.admin = admin;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(10));
    }

    // ---- finding things as a person does

    /**
     * The control a label names (its {@code for}, or the input inside it), among what is visible, as a screen
     * reader would announce it. One script, so one round trip to the browser.
     */
    WebElement labelled(String label) {
        Object found = script("const wanted = arguments[0];"
                + "const visible = e => e.getClientRects().length > 0;"
                + "const label = [...document.querySelectorAll('label')].find(l => visible(l)"
                + "  && l.textContent.replace(/\\s+/g, ' ').trim() === wanted);"
                + "if (!label) { return null; }"
                + "return label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input');",
                label);
        if (!(found instanceof WebElement element)) {
            throw new AssertionError("no visible field labelled " + label);
        }
        return element;
    }

    /** The visible button with this text, in the open dialog on top if there is one. */
    WebElement button(String text) {
        Object found = script("const wanted = arguments[0];"
                + "const dialogs = [...document.querySelectorAll('dialog[open]')];"
                + "const scope = dialogs.length ? dialogs[dialogs.length - 1] : document;"
                + "const visible = e => e.getClientRects().length > 0;"
                + "return [...scope.querySelectorAll('button')].find(b => visible(b)"
                + "  && b.textContent.replace(/\\s+/g, ' ').trim() === wanted) || null;", text);
        if (!(found instanceof WebElement element)) {
            throw new AssertionError("no visible button " + text);
        }
        return element;
    }

    private Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /** Waits until every call the page made has been answered. */
    void settle() {
        wait.until(b -> "0".equals(b.findElement(By.tagName("html")).getDomAttribute("data-pending"))
                || b.findElement(By.tagName("html")).getDomAttribute("data-pending") == null);
    }

    /**
     * Enters text in the field a label names, as a paste would: the value set and the page told ({@code input} and
     * {@code change} events), in one round trip; key-by-key typing costs a second a field in this browser.
     */
    private void type(String label, String text) {
        WebElement input = labelled(label);
        script("const field = arguments[0]; field.focus(); field.value = arguments[1];"
                + "field.dispatchEvent(new Event('input', {bubbles: true}));"
                + "field.dispatchEvent(new Event('change', {bubbles: true}));", input, text);
    }

    private boolean open(String dialog) {
        return browser.findElement(By.id(dialog)).getDomAttribute("open") != null;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    // ---- accounts and signing in

    /** The page creates no accounts: that is the operator's, as in the shell. */
    @Override
    public void createAccount(String login, String password) {
        admin.createAccount(new Login(login), new DisplayName(login), Password.chosen(password));
    }

    @Override
    public Outcome signIn(String login, String password, Optional<String> code) {
        browser.get(base);
        wait.until(b -> b.findElement(By.id("signin-form")).isDisplayed());
        type("Login", login);
        type("Password", password);
        button("Sign in").click();
        settle();
        if (!browser.findElement(By.id("message")).getText().isEmpty()) {
            return failure(browser.findElement(By.id("message")));
        }
        if (browser.findElement(By.id("code-form")).isDisplayed()) {
            type("Two-factor code", code.orElse(""));
            button("Verify").click();
            settle();
            if (!browser.findElement(By.id("message")).getText().isEmpty()) {
                return failure(browser.findElement(By.id("message")));
            }
        }
        wait.until(b -> b.findElement(By.id("dashboard")).isDisplayed());
        settle();
        return Outcome.ok(Optional.empty(), Optional.empty());
    }

    @Override
    public void signOut() {
        if (!browser.findElements(By.id("signout")).isEmpty() && browser.findElement(By.id("signout")).isDisplayed()) {
            button("Sign out").click();
            settle();
        }
    }

    // ---- the token list

    private List<WebElement> rows() {
        settle();
        return browser.findElements(By.cssSelector("#tokens tbody tr"));
    }

    private WebElement row(long id) {
        settle();
        List<WebElement> found = browser.findElements(By.cssSelector("#tokens tbody tr[data-id='" + id + "']"));
        if (found.isEmpty()) {
            throw new AssertionError("no token " + id + " in the list");
        }
        return found.get(0);
    }

    /** Selects exactly this token, with a plain click, as a person would. */
    private void pick(long id) {
        button("Refresh").click();
        settle();
        row(id).findElement(By.tagName("td")).click();
    }

    /** The list as it shows, read in one script: each row's cells' text, and the line of details under it. */
    @Override
    @SuppressWarnings("unchecked")
    public List<TokenView> list() {
        button("Refresh").click();
        settle();
        List<List<String>> shown = (List<List<String>>) script("return [...document.querySelectorAll("
                + "'#tokens tbody tr')].map(r => [r.dataset.id, ...[...r.cells].map(c => c.firstChild"
                + " ? c.firstChild.textContent : ''), (r.querySelector('.details') || {}).textContent || ''])");
        List<TokenView> views = new ArrayList<>();
        for (List<String> row : shown) {
            String details = row.get(6);
            String status = row.get(4);
            views.add(new TokenView(Long.parseLong(row.get(0)), row.get(1),
                    row.get(2).replaceAll(" \\(\\d+\\)$", ""), row.get(3), status.replace(" (expires soon)", ""),
                    items(ENVIRONMENTS, details), status.endsWith("(expires soon)"), match(OLD_VALUE, details),
                    items(USED_FROM, details)));
        }
        return views;
    }

    private static List<String> items(Pattern pattern, String details) {
        return match(pattern, details).map(found -> Stream.of(found.split(",")).map(String::strip).toList())
                .orElse(List.of());
    }

    private static Optional<String> match(Pattern pattern, String details) {
        Matcher matcher = pattern.matcher(details);
        return matcher.find() ? Optional.of(matcher.group(1).strip()) : Optional.empty();
    }

    @Override
    public String listingText() {
        button("Refresh").click();
        settle();
        return browser.getPageSource();
    }

    // ---- the frame, the password pop-up, the value dialog

    private void chooseApi(Optional<String> apiSet, List<String> methods) {
        Select api = new Select(labelled("API"));
        if (apiSet.isPresent()) {
            api.selectByVisibleText(apiSet.get());
        } else if (!methods.isEmpty()) {
            api.selectByVisibleText("Custom");
            WebElement onlyChecked = labelled("Only Checked");
            if (onlyChecked.isSelected()) {
                onlyChecked.click();
            }
            for (WebElement box : browser.findElements(By.cssSelector("#methods input[type=checkbox]"))) {
                if (box.isSelected()) {
                    box.click();
                }
            }
            for (String method : methods) {
                type("Search", method);
                List<WebElement> boxes = browser.findElements(By.cssSelector("#methods input[type=checkbox]"));
                WebElement box = boxes.stream().filter(b -> method.equalsIgnoreCase(b.getDomProperty("value")))
                        .findFirst().orElse(null);
                if (box == null) {
                    throw new AssertionError("the page offers only the platform's methods; " + method
                            + " is not one (scenarios that type names are tagged @no-page)");
                }
                if (!box.isSelected()) {
                    box.click();
                }
            }
            type("Search", "");
        }
    }

    private void limits(Map<String, String> policies) {
        if (policies.isEmpty()) {
            return;
        }
        WebElement summary = browser.findElement(By.cssSelector("#limits summary"));
        if (browser.findElement(By.id("limits")).getDomAttribute("open") == null) {
            summary.click();
        }
        Map<String, String> labels = Map.of("envNames", "Environments (envNames)",
                "allowedIps", "Allowed addresses (allowedIps)", "rateLimit", "Calls a minute (rateLimit)",
                "idleDays", "Idle days (idleDays)");
        policies.forEach((name, value) -> type(labels.get(name), value));
    }

    /** Confirms in the password pop-up; a wrong password is said so there, and then everything is cancelled. */
    @SuppressWarnings("unchecked")
    private Optional<Outcome> confirm(String password) {
        wait.until(b -> open("password-dialog"));
        type("Password", password);
        button("Confirm").click();
        settle();
        // what the page says now, read at once: the pop-up's error, the frame's, the page's
        Map<String, Object> said = (Map<String, Object>) script("const said = id => {"
                + " const e = document.getElementById(id);"
                + " return {text: e.textContent, result: e.dataset.result || '',"
                + "  open: !!e.closest('dialog') && e.closest('dialog').open}; };"
                + "return {password: said('password-error'), frame: said('frame-error'), page: said('message')};");
        for (String where : List.of("password", "frame", "page")) {
            Map<String, Object> shown = (Map<String, Object>) said.get(where);
            String text = String.valueOf(shown.get("text"));
            boolean visible = where.equals("page") || Boolean.TRUE.equals(shown.get("open"));
            if (visible && !text.isEmpty()) {
                Outcome refused = failure(text, String.valueOf(shown.get("result")));
                if (where.equals("password")) {
                    button("Cancel").click();
                }
                cancelFrame();
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    private void cancelFrame() {
        if (open("frame")) {
            button("Cancel").click();
        }
    }

    /** The value dialog: reads the value, downloads or copies it as asked, closes it. */
    private Outcome shown(Delivery delivery) {
        wait.until(b -> open("value-dialog"));
        String value = labelled("Token value").getDomProperty("value");
        Outcome outcome = Outcome.ok(Optional.empty(), Optional.of(value));
        if (delivery == Delivery.DOWNLOADED) {
            long before = System.currentTimeMillis();
            button("Download").click();
            outcome = outcome.delivered(downloaded(before).toString());
        } else if (delivery == Delivery.COPIED) {
            button("Copy").click();
            wait.until(b -> !b.findElement(By.id("value-status")).getText().isEmpty());
            Object copied = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "navigator.clipboard.readText().then(done, e => done('refused: ' + e));");
            outcome = outcome.delivered(String.valueOf(copied));
        }
        button("Close").click();
        wait.until(b -> !open("value-dialog"));
        return outcome;
    }

    /** The file the browser just saved. */
    private static Path downloaded(long since) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(Browser.downloads())) {
                Optional<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                        .filter(f -> f.toFile().lastModified() >= since - 1000)
                        .max(Comparator.comparingLong(f -> f.toFile().lastModified()));
                if (done.isPresent() && done.get().toFile().length() > 0) {
                    return done.get();
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("nothing was downloaded");
    }

    /** The newest token of that description in the list: the one just issued. */
    private Outcome withId(Outcome outcome, String description) {
        long id = list().stream().filter(t -> t.description().equals(description)).mapToLong(TokenView::id).max()
                .orElseThrow(() -> new AssertionError("the new token " + description + " is not listed"));
        return new Outcome(outcome.failure(), outcome.message(), Optional.of(id), outcome.value(),
                outcome.delivered());
    }

    private static Outcome failure(WebElement shown) {
        return failure(shown.getText(), Optional.ofNullable(shown.getDomAttribute("data-result")).orElse(""));
    }

    private static Outcome failure(String text, String result) {
        Failure failure = switch (result) {
            case "4" -> Failure.INVALID;
            case "5", "11" -> Failure.NOT_FOUND;
            case "703", "701" -> Failure.WRONG_PASSWORD;
            case "704" -> Failure.TWO_FACTOR;
            case "706" -> Failure.LIMIT;
            case "8" -> Failure.NOT_PERMITTED;
            case "702" -> Failure.NOT_AUTHENTICATED;
            default -> Failure.OTHER;
        };
        return Outcome.failed(failure, text);
    }

    // ---- the Access Tokens tab's changes

    @Override
    public Outcome generate(String description, String expiresAt, Optional<String> apiSet, List<String> methods,
                            Map<String, String> policies, String password, Delivery delivery) {
        button("Generate").click();
        wait.until(b -> open("frame"));
        type("Description", description);
        type("Expires At", expiresAt);
        chooseApi(apiSet, methods);
        limits(policies);
        browser.findElement(By.id("frame-save")).click();
        Optional<Outcome> refused = confirm(password);
        return refused.orElseGet(() -> withId(shown(delivery), description));
    }

    @Override
    public Outcome edit(long id, Optional<String> description, Optional<String> expiresAt, Optional<String> apiSet,
                        List<String> methods, String password) {
        pick(id);
        button("Edit").click();
        wait.until(b -> open("frame"));
        description.ifPresent(d -> type("Description", d));
        expiresAt.ifPresent(e -> type("Expires At", e));
        if (apiSet.isPresent() || !methods.isEmpty()) {
            chooseApi(apiSet, methods);
        }
        browser.findElement(By.id("frame-save")).click();
        return confirm(password).orElseGet(() -> Outcome.ok(Optional.of(id), Optional.empty()));
    }

    @Override
    public Outcome regenerate(long id, Optional<String> expiresAt, int graceMinutes, String password) {
        pick(id);
        button("Edit").click();
        wait.until(b -> open("frame"));
        expiresAt.ifPresent(e -> type("Expires At", e));
        type("Keep the old value working (minutes, gracePeriod)", Integer.toString(graceMinutes));
        button("Regenerate the token value").click();
        Optional<Outcome> refused = confirm(password);
        if (refused.isPresent()) {
            return refused.get();
        }
        Outcome shown = shown(Delivery.SHOWN);
        return new Outcome(shown.failure(), shown.message(), Optional.of(id), shown.value(), shown.delivered());
    }

    @Override
    public Outcome endOverlap(long id, String password) {
        pick(id);
        button("Edit").click();
        wait.until(b -> open("frame"));
        button("End the old value's overlap now").click();
        return confirm(password).orElseGet(() -> Outcome.ok(Optional.of(id), Optional.empty()));
    }

    @Override
    public Outcome copy(long id, String description, String password) {
        pick(id);
        button("Copy").click();
        wait.until(b -> open("frame"));
        type("Description", description);
        browser.findElement(By.id("frame-save")).click();
        Optional<Outcome> refused = confirm(password);
        return refused.orElseGet(() -> withId(shown(Delivery.SHOWN), description));
    }

    /** Several rows: the first clicked, the others Ctrl-clicked. */
    @Override
    public Outcome remove(List<Long> ids, String password) {
        pick(ids.get(0));
        for (long id : ids.subList(1, ids.size())) {
            new Actions(browser).keyDown(Keys.CONTROL).click(row(id).findElement(By.tagName("td")))
                    .keyUp(Keys.CONTROL).perform();
        }
        button("Remove").click();
        return confirm(password).orElseGet(() -> Outcome.ok(Optional.empty(), Optional.empty()));
    }

    /** Every row: the first clicked, the last Shift-clicked. */
    @Override
    public Outcome removeAll(String password) {
        List<WebElement> all = rows();
        all.get(0).findElement(By.tagName("td")).click();
        new Actions(browser).keyDown(Keys.SHIFT).click(all.get(all.size() - 1).findElement(By.tagName("td")))
                .keyUp(Keys.SHIFT).perform();
        button("Remove").click();
        return confirm(password).orElseGet(() -> Outcome.ok(Optional.empty(), Optional.empty()));
    }

    /** The page shows the platform's own message, which names the API's field. */
    @Override
    public String field(String seedWord) {
        return switch (seedWord) {
            case "Expires At" -> "expiresAt";
            case "API" -> "apiList";
            default -> throw new IllegalArgumentException("no field " + seedWord);
        };
    }

    // ---- the method picker

    @Override
    public List<MethodView> methods(String search) {
        button("Generate").click();
        wait.until(b -> open("frame"));
        new Select(labelled("API")).selectByVisibleText("Custom");
        type("Search", search);
        List<MethodView> found = new ArrayList<>();
        for (WebElement item : browser.findElements(By.cssSelector("#methods li"))) {
            WebElement docs = item.findElement(By.cssSelector("a.docs"));
            new Actions(browser).moveToElement(item).perform();
            if (!docs.isDisplayed()) {
                throw new AssertionError("the Docs link does not show on hovering " + item.getText());
            }
            found.add(new MethodView(item.findElement(By.tagName("input")).getDomProperty("value"),
                    docs.getDomAttribute("href")));
        }
        cancelFrame();
        return found;
    }

    @Override
    public List<String> checkedMethods(long tokenId) {
        pick(tokenId);
        button("Edit").click();
        wait.until(b -> open("frame"));
        Select api = new Select(labelled("API"));
        if (!api.getFirstSelectedOption().getText().equals("Custom")) {
            api.selectByVisibleText("Custom");
        }
        WebElement onlyChecked = labelled("Only Checked");
        if (!onlyChecked.isSelected()) {
            onlyChecked.click();
        }
        List<String> checked = browser.findElements(By.cssSelector("#methods input[type=checkbox]")).stream()
                .filter(WebElement::isSelected).map(b -> b.getDomProperty("value")).toList();
        cancelFrame();
        return checked;
    }

    // ---- the Environments view

    @Override
    public Optional<String> environmentStatus(String envName) {
        button("Environments").click();
        settle();
        List<WebElement> rows = browser.findElements(By.cssSelector("#environments tbody tr[data-env='" + envName
                + "']"));
        Optional<String> status = rows.isEmpty() ? Optional.empty()
                : Optional.of(rows.get(0).findElements(By.tagName("td")).get(1).getText());
        button("Settings").click();
        settle();
        return status;
    }

    // ---- the log

    @Override
    public List<EventView> log(long tokenId) {
        pick(tokenId);
        button("Log").click();
        wait.until(b -> open("log-dialog"));
        List<EventView> events = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#events tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            events.add(new EventView(cells.get(1).getText(), cells.get(2).getText(), cells.get(3).getText(),
                    cells.get(4).getText(), Long.parseLong(cells.get(5).getText())));
        }
        button("Close").click();
        return events;
    }

    @Override
    public Outcome narrow(long id, String password) {
        throw new UnsupportedOperationException("the page has no Narrow: scenarios tagged @no-page");
    }
}
