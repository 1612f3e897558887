"use server";

import { authedAction } from "@/lib/actions/server-action";
import { checkIn } from "@/lib/check-ins/check-in";
import { checkOut } from "@/lib/check-ins/check-out";

// "Adliyedeyim" and "Ayrıldım": in lib/ because the button that calls them sits in the header menu's target, the
// panel, drawn from components/ (which never import from app/).
export const checkInAction = authedAction((actor, input) => checkIn(actor, input));

export const checkOutAction = authedAction((actor) => checkOut(actor));
