declare module "../../build/index.js" {
  export const routes: Record<string, { id: string; path?: string; parentId?: string; index?: boolean }>;
}
