# Image of the autodidact CLI for docker-compose.yml (not built in CI: this machine has no Docker engine).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/autodidact-cli-0.1.0-SNAPSHOT.jar /app/autodidact.jar
COPY --from=build /src/cli/target/lib /app/lib
COPY data /app/data
COPY connectors/config /app/connectors/config
ENV DJL_CACHE_DIR=/app/.djl.ai
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-Dautodidact.home=/app", "-cp", "/app/autodidact.jar:/app/lib/*", "dev.autodidact.cli.Autodidact"]
