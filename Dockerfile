# One image per service, all from the compiled build (`pnpm build`: each package's dist/).
#   docker build --target gateway -t c360-gateway .
#   docker build --target customer -t c360-customer .   (sales, product, logistics, cx-kpi, governance, insights)
#   docker build --target cli -t c360-cli .             (migrations, imports: the Kubernetes Job)
# Every service listens on 0.0.0.0 inside its container (C360_LISTEN_HOST) and runs as `node` (uid 1000).

FROM node:20-bookworm-slim AS base
RUN npm i -g pnpm@10.34.9
WORKDIR /app

FROM base AS build
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

# Production dependencies only: tsx, esbuild, vitest and the bench's references stay behind.
FROM build AS pruned
RUN pnpm prune --prod --ignore-scripts

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production C360_LISTEN_HOST=0.0.0.0
WORKDIR /app
# Owned by root: the service's user reads its code and cannot change it.
COPY --from=pruned /app /app
# node, by uid: Kubernetes' runAsNonRoot can check a numeric user.
USER 1000:1000

FROM runtime AS gateway
EXPOSE 4000
CMD ["node", "--initial-old-space-size=64", "gateway/dist/main.js"]

FROM runtime AS customer
EXPOSE 4001
CMD ["node", "subgraphs/customer/dist/index.js"]

FROM runtime AS sales
EXPOSE 4002
CMD ["node", "subgraphs/sales/dist/index.js"]

FROM runtime AS product
EXPOSE 4003
CMD ["node", "subgraphs/product/dist/index.js"]

FROM runtime AS logistics
EXPOSE 4004
CMD ["node", "subgraphs/logistics/dist/index.js"]

FROM runtime AS cx-kpi
EXPOSE 4005
CMD ["node", "subgraphs/cx-kpi/dist/index.js"]

FROM runtime AS governance
EXPOSE 4006
CMD ["node", "subgraphs/governance/dist/index.js"]

FROM runtime AS insights
EXPOSE 4007
CMD ["node", "subgraphs/insights/dist/index.js"]

FROM runtime AS cli
ENTRYPOINT ["node", "packages/cli/dist/main.js"]
