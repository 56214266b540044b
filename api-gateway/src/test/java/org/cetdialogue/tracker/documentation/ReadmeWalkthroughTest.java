package org.cetdialogue.tracker.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough is {@code docs/walkthrough.sh}, which {@code .ci/run} runs against a freshly started jar:
 * the README must hold the script verbatim, so that what a reader follows is what CI checked.
 */
class ReadmeWalkthroughTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern INCLUDED = Pattern.compile(
            "<!-- docs/walkthrough\\.sh: begin -->\n```bash\n(.*?)```\n<!-- docs/walkthrough\\.sh: end -->",
            Pattern.DOTALL);

    @Test
    void theReadmeHoldsTheWalkthroughScriptVerbatim() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String script = Files.readString(ROOT.resolve("docs/walkthrough.sh"), StandardCharsets.UTF_8);

        Matcher included = INCLUDED.matcher(readme);

        assertThat(included.find())
                .as("README.md includes docs/walkthrough.sh between its begin and end markers")
                .isTrue();
        assertThat(included.group(1))
                .as("the walkthrough in README.md differs from docs/walkthrough.sh: copy the script into the README")
                .isEqualTo(script);
        assertThat(included.find())
                .as("README.md includes the walkthrough once")
                .isFalse();
    }

    @Test
    void theWalkthroughIsRunByCi() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);

        assertThat(ci).contains("docs/walkthrough.sh");
        assertThat(Files.isExecutable(ROOT.resolve("docs/walkthrough.sh"))).isTrue();
    }
}
