# The deployment's single container: web server and classifier. The database lives outside it (DB_URL).
# Every stage is Debian bookworm-slim with Debian's OpenJDK 17 (the runtime cut from it by jlink), so the image CI
# can build locally is this one.

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
# The container profile (pom.xml) leaves out the embedded MariaDB's 150 MB of binaries (the image always uses an
# external database) and ONNX Runtime's native libraries for Windows and macOS.
RUN mvn -B -q -Pcontainer package -DskipTests
# A Java runtime of the modules the service uses, 55 MB where Debian's JRE package and its dependencies take
# 356 MB. All of Java SE (jdeps finds java.desktop, java.sql, java.naming, java.management, java.net.http, ...
# in the libraries; the whole of SE costs a few MB more and leaves no rare path without its module), plus the
# JDK modules the libraries reach: sun.misc.Unsafe, JVM metrics, the TLS curves and charsets; and the JDK's small
# HTTP server, worker mode's health routes (worker/HealthEndpoint). jlink copies
# the JDK's own CA certificates (java.base's) into the runtime. Only Java debug attributes are stripped: native
# stripping needs binutils, and Debian's libraries come stripped already.
RUN jlink --add-modules java.se,jdk.httpserver,jdk.unsupported,jdk.management,jdk.jfr,jdk.xml.dom,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.naming.dns,jdk.zipfs \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --output /opt/java \
 && /opt/java/bin/java -version

FROM debian:bookworm-slim
# Debian's JDK links the system's JPEG and colour-management libraries: ImageIO's JPEG reader needs them.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libjpeg62-turbo liblcms2-2 \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent daynight
COPY --from=build /opt/java /opt/java
ENV PATH=/opt/java/bin:$PATH
COPY --from=build /src/target/daynight.jar /app/daynight.jar
# STORAGE=gcs: buckets are Google Cloud Storage buckets; DB_URL_REQUIRED: without DB_URL the service stops
# at once and says so. Weka and the unpacked webapp write only to /tmp, the one writable place.
# AUTH=google: every page needs a verified Google identity (AUTH_AUDIENCE must be set; docs/security.md).
# LOG_FORMAT=json: one JSON object per line, as Cloud Logging reads them (severity, message, serviceId, httpRequest).
ENV STORAGE=gcs \
    AUTH=google \
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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Djava.awt.headless=true", "-Djava.io.tmpdir=/tmp", "-jar", "/app/daynight.jar"]
