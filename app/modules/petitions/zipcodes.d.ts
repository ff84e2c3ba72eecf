declare module "zipcodes" {
  interface ZipInfo {
    zip: string;
    city: string;
    state: string;
    country: string;
    latitude: number;
    longitude: number;
  }
  const zipcodes: { lookup(zip: string): ZipInfo | undefined };
  export default zipcodes;
}
