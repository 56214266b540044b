package org.cetdialogue.tracker.support;

/** Valid request bodies for tests. */
public final class Bodies {

    private Bodies() {}

    public static String mou(String id) {
        return """
                {"commitmentId":"%s","area":"QUANTUM","kind":"MOU","titleEn":"Test MOU %s",
                 "titleKo":"시험 양해각서","parties":[
                   {"nameEn":"NIST","nameKo":"미국 국립표준기술연구소","country":"US","role":"SIGNATORY"},
                   {"nameEn":"KRISS","nameKo":"한국표준과학연구원","country":"ROK","role":"SIGNATORY"}],
                 "sourceCitation":"test","announcedOn":"2024-01-10"}
                """.formatted(id, id);
    }

    public static String pledge(String amount, String currency) {
        return "{\"funder\":\"NIST\",\"amount\":" + amount + ",\"currency\":" + currency
                + ",\"valueDate\":\"2024-05-01\"}";
    }
}
