package kz.hattama.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the browser tests do to a page: keys sent to the focused element, counted as a person counts them (a
 * character or a key one keystroke, a modifier held with a key one), scripts run in it, screenshots of it.
 */
final class Browser {

    static final Path SHOTS = Path.of("target/screenshots");

    private final Supplier<WebDriver> driver;
    int keystrokes;

    Browser(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    void type(String text) {
        new Actions(driver.get()).sendKeys(text).perform();
        keystrokes += text.length();
    }

    void press(CharSequence key) {
        new Actions(driver.get()).sendKeys(key).perform();
        keystrokes++;
    }

    void chord(Keys modifier, Keys key) {
        new Actions(driver.get()).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
        keystrokes++;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver.get()).executeScript(script, args);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver.get()).getScreenshotAs(OutputType.BYTES));
    }
}
