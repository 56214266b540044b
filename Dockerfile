# One image for the three services of the Axon Server deployment (and the standalone tracker): the packaged jar
# holds every module; TRACKER_SERVICE picks commitment-command, commitment-query, api-gateway or standalone.

# ---- build: the repository's own Maven wrapper, tests left to CI ----
FROM eclipse-temurin:17.0.13_11-jdk-jammy AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp package -DskipTests -Dspotless.check.skip=true

# ---- runtime: a JRE, an unprivileged user, nothing else ----
FROM eclipse-temurin:17.0.13_11-jre-jammy
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 tracker \
    && useradd --system --uid 10001 --gid tracker --home-dir /app --shell /usr/sbin/nologin tracker \
    && mkdir -p /app/data \
    && chown -R tracker:tracker /app
WORKDIR /app
COPY --from=build --chown=tracker:tracker /src/api-gateway/target/cet-commitment-tracker.jar /app/tracker.jar
USER 10001:10001
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    TRACKER_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["java", "-Daxoniq.update-checker.disabled=true", "-jar", "/app/tracker.jar"]
