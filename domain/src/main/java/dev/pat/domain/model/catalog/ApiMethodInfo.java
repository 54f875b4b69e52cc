package dev.pat.domain.model.catalog;

/** A catalog entry: a method, what it does in one line, where its documentation is, whether tokens may hold it. */
public record ApiMethodInfo(int id, ApiMethod method, String description, String docUrl, boolean grantable) {
}
