package dev.pat.domain.breach;

import org.springframework.stereotype.Component;

/** A deliberate breach, used only to show that the rules catch it: a framework annotation in the domain. */
@Component
public class SpringInTheDomain {
}
