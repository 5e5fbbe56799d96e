#!/usr/bin/env python3
"""Writes the benchmark git repository: APPS app groups of five resources each, one YAML file per group.

Usage: generate_repo.py DIR [--apps N] [--namespace NAME]

Each group is a Deployment (one container with image, ports, env, resources, readinessProbe), a Service,
a ConfigMap, a Secret and a ServiceAccount, all in one namespace that a Namespace manifest creates.
Everything lives under `apps/fleet/`; the commit has a fixed author, committer and date, so the same
arguments always give the same commit id.
"""
import argparse
import base64
import os
import subprocess
import sys

PATH = "apps/fleet"
TEAMS = ["payments", "search", "catalog", "identity", "checkout", "shipping", "reviews", "ads"]


def deployment(name: str, index: int, namespace: str) -> str:
    team = TEAMS[index % len(TEAMS)]
    port = 8000 + index % 1000
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {namespace}
  labels:
    app.kubernetes.io/name: {name}
    app.kubernetes.io/part-of: fleet
    team: {team}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
        app.kubernetes.io/part-of: fleet
        team: {team}
    spec:
      serviceAccountName: {name}
      containers:
        - name: server
          image: registry.example.invalid/fleet/{name}:1.{index % 17}.{index % 5}
          ports:
            - name: http
              containerPort: {port}
          env:
            - name: LOG_LEVEL
              value: info
            - name: LISTEN_PORT
              value: "{port}"
            - name: API_TOKEN
              valueFrom:
                secretKeyRef:
                  name: {name}
                  key: token
          envFrom:
            - configMapRef:
                name: {name}
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              cpu: 500m
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: {port}
            periodSeconds: 10
"""


def service(name: str, index: int, namespace: str) -> str:
    return f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {namespace}
  labels:
    app.kubernetes.io/name: {name}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - name: http
      port: 80
      targetPort: {8000 + index % 1000}
"""


def config_map(name: str, index: int, namespace: str) -> str:
    return f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}
  namespace: {namespace}
  labels:
    app.kubernetes.io/name: {name}
data:
  UPSTREAM_URL: "http://{name}-upstream.{namespace}.svc.cluster.local:8080"
  CACHE_TTL: "{30 + index % 90}s"
  FEATURE_FLAGS: "search,recommendations,beta-{index % 7}"
"""


def secret(name: str, index: int, namespace: str) -> str:
    token = base64.b64encode(f"token-{name}-{index * 7919 % 100003}".encode()).decode()
    return f"""apiVersion: v1
kind: Secret
metadata:
  name: {name}
  namespace: {namespace}
  labels:
    app.kubernetes.io/name: {name}
type: Opaque
data:
  token: {token}
"""


def service_account(name: str, namespace: str) -> str:
    return f"""apiVersion: v1
kind: ServiceAccount
metadata:
  name: {name}
  namespace: {namespace}
  labels:
    app.kubernetes.io/name: {name}
"""


def group(index: int, namespace: str) -> str:
    name = f"svc-{index:04d}"
    documents = [
        deployment(name, index, namespace), service(name, index, namespace), config_map(name, index, namespace),
        secret(name, index, namespace), service_account(name, namespace),
    ]
    return f"# App group {name}: workload, service, config, secret and identity.\n" + "---\n".join(documents)


def git(directory: str, *args: str) -> str:
    environment = dict(os.environ, GIT_AUTHOR_NAME="Capstan Bench", GIT_AUTHOR_EMAIL="bench@capstan.invalid",
                       GIT_COMMITTER_NAME="Capstan Bench", GIT_COMMITTER_EMAIL="bench@capstan.invalid",
                       GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
                       GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    return subprocess.run(["git", "-C", directory, *args], env=environment, check=True,
                          capture_output=True, text=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--apps", type=int, default=2000)
    parser.add_argument("--namespace", default="fleet")
    arguments = parser.parse_args()
    if not 1 <= arguments.apps <= 100_000:
        parser.error("--apps must be between 1 and 100000")

    root = arguments.directory
    folder = os.path.join(root, PATH)
    os.makedirs(folder, exist_ok=False)
    with open(os.path.join(root, "README.md"), "w") as readme:
        readme.write(f"Capstan benchmark fleet: {arguments.apps} app groups under {PATH}/.\n")
    with open(os.path.join(folder, "namespace.yaml"), "w") as namespace:
        namespace.write(f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {arguments.namespace}\n")
    for index in range(1, arguments.apps + 1):
        with open(os.path.join(folder, f"svc-{index:04d}.yaml"), "w") as file:
            file.write(group(index, arguments.namespace))

    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", f"Fleet of {arguments.apps} app groups")
    print(git(root, "rev-parse", "HEAD"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
