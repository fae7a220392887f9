import type { Context } from "../schema";

export const Query = {
  shipment: (_: unknown, args: { id: string }, { loaders }: Context) => loaders.shipment.load(args.id),
  shipmentByTrackingNumber: (_: unknown, args: { trackingNumber: string }, { loaders }: Context) =>
    loaders.shipmentByTrackingNumber.load(args.trackingNumber),
  location: (_: unknown, args: { id: string }, { loaders }: Context) => loaders.location.load(args.id),
};
