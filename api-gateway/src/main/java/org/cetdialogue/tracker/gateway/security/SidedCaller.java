package org.cetdialogue.tracker.gateway.security;

import org.cetdialogue.tracker.api.commitment.Country;

/** A signed-in caller who works for one side: a configured user, a bearer token, a dashboard sign-in. */
public interface SidedCaller {

    Country side();
}
