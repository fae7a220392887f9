import type {
  BrandPreferenceResolvers,
  CategoryPreferenceResolvers,
  ProductPreferencesResolvers,
} from "../generated/resolvers-types";
import { firstOf } from "./first";

export const ProductPreferences: ProductPreferencesResolvers = {
  topCategories: (row, { first }, { loaders }, info) =>
    loaders.preferences({ dimension: "category", first: firstOf(first, info) }).load(row.customerId),
  topBrands: (row, { first }, { loaders }, info) =>
    loaders.preferences({ dimension: "brand", first: firstOf(first, info) }).load(row.customerId),
};

export const CategoryPreference: CategoryPreferenceResolvers = { category: (row) => row.name };

export const BrandPreference: BrandPreferenceResolvers = { brand: (row) => row.name };
