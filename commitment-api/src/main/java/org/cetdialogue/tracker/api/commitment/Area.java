package org.cetdialogue.tracker.api.commitment;

/** The six strategic technology areas of the fact sheet, plus the cross-cutting technology-protection toolkit. */
public enum Area {
    SEMICONDUCTORS("Semiconductor supply chains and technology", "반도체 공급망 및 기술"),
    BIOTECHNOLOGY("Biotechnology and biomanufacturing", "바이오기술 및 바이오제조"),
    BATTERIES_CLEAN_ENERGY("Batteries and clean energy technology", "배터리 및 청정에너지 기술"),
    QUANTUM("Quantum science and technology", "양자 과학기술"),
    AI_STANDARDS("Artificial intelligence and standardization", "인공지능 및 표준화"),
    DIGITAL_ICT("Digital connectivity and ICT", "디지털 연결성 및 정보통신기술"),
    TECHNOLOGY_PROTECTION("Technology-protection toolkit", "기술 보호 수단");

    private final String labelEn;
    private final String labelKo;

    Area(String labelEn, String labelKo) {
        this.labelEn = labelEn;
        this.labelKo = labelKo;
    }

    public String labelEn() {
        return labelEn;
    }

    public String labelKo() {
        return labelKo;
    }
}
