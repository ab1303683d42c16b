"""What support tickets say, by topic: subject lines and the customer's message, what they ask
for, greetings and signatures. Topics are the keys of tickets.TOPICS."""

from __future__ import annotations

# The survey theme whose detail sentences a ticket topic borrows (others use their own name).
TOPIC_THEME = {"quote": "custom_cakes", "order_change": "custom_cakes"}
# Per topic: (subject lines to pick from, the customer's message).
TICKETS: dict[str, list[tuple[list[str], str]]] = {
    "late_delivery": [
        (
            ["Where is my order?", "Delivery not arrived"],
            "My order was due on {weekday} and still hasn't arrived.",
        ),
        (
            ["Late delivery", "Delivery delayed - gift"],
            "The delivery to {person} is {days} days late.",
        ),
        (
            ["Tracking not updating", "Where is my order?"],
            "Tracking hasn't updated since {weekday}.",
        ),
        (
            ["Gift not delivered", "Delivery delayed - gift"],
            "I ordered a gift for {weekday} and it has not turned up.",
        ),
        (
            ["Courier delay", "Late delivery"],
            "The courier says it's delayed but nobody can tell me when it will come.",
        ),
        (
            ["Order arrived late", "Late delivery"],
            "My order finally turned up {days} days late and the {bakes} were stale.",
        ),
    ],
    "packaging": [
        (["Damaged on arrival", "Squashed box"], "My order arrived squashed."),
        (
            ["Cake damaged in delivery", "Damaged cake"],
            "The cake was damaged when the box was opened.",
        ),
        (
            ["Tin arrived dented", "Damaged on arrival"],
            "The tin arrived dented and the biscuits were broken.",
        ),
    ],
    "pickup_wait": [
        (
            ["Long wait at collection", "Click and collect wait"],
            "I had a {slot} slot and waited {wait} minutes for my order.",
        ),
        (
            ["Order not ready at pickup time", "Collection problem"],
            "My order wasn't ready when I arrived to collect it.",
        ),
        (
            ["Click and collect wait", "Pickup problems"],
            "I've waited at the pickup counter for ages twice this month.",
        ),
    ],
    "queue": [
        (
            ["Queues at lunchtime", "Waiting times"],
            "The lunchtime queue was out of the door again today.",
        ),
        (["Slow service", "Waiting times"], "Waited {wait} minutes for a coffee this morning."),
    ],
    "taste": [
        (["Stale bread in my order", "Quality of my order"], "The {bakes} in my order were stale."),
        (["Underbaked loaf", "Order quality"], "Half the loaf was underbaked."),
        (
            ["Complaint about my order", "Dry cake"],
            "The cake I collected was dry and not what I'm used to.",
        ),
    ],
    "website": [
        (
            ["Can't change my order", "Change pickup time"],
            "I can't change the pickup time on my order.",
        ),
        (["Login issue", "Can't log in"], "The site won't let me log in."),
        (
            ["Pickup slot not working", "Website problem"],
            "The slot picker doesn't work on my phone.",
        ),
        (
            ["Change delivery address", "Wrong address on order"],
            "I need to change my delivery address.",
        ),
    ],
    "prices": [
        (["Loyalty card points", "Missing stamps"], "My loyalty stamps didn't go on my card."),
        (["Prices", "Price question"], "Why has the price of a flat white gone up again?"),
        (["Charged the wrong price", "Till error"], "I was charged the wrong price at the till."),
    ],
    "staff": [
        (
            ["Experience in the shop", "Complaint about staff"],
            "I wasn't happy with how I was spoken to at the counter.",
        ),
        (["Thank you", "Feedback about staff"], "I wanted to say how helpful {staff} was today."),
    ],
    "payment": [
        (
            ["Payment failed at checkout", "Checkout error"],
            "Your checkout keeps failing when I try to pay.",
        ),
        (
            ["Can't pay on website", "Payment error"],
            "I tried to pay three times and got an error every time.",
        ),
        (
            ["Charged but no confirmation", "Payment taken, no order"],
            "Money has left my account but I never got a confirmation.",
        ),
        (
            ["Card declined online", "Payment declined"],
            "The payment page says declined but my bank says everything is fine.",
        ),
        (
            ["Apple Pay not working", "Checkout error"],
            "Apple Pay and my card both fail at the last step.",
        ),
    ],
    "quote": [
        (
            ["Catering quote", "Quote for our {event}"],
            "I'd like a quote for a {cake} for {guests} guests, it's for our {event}.",
        ),
        (
            ["Chasing my quote", "Still waiting for a quote"],
            "I asked for a catering quote last week and haven't heard back.",
        ),
        (["Wedding cake tasting", "Tasting appointment"], "Do you do tastings for wedding cakes?"),
        (
            ["Catering enquiry", "Quote for our {event}"],
            "Could you quote for sandwich platters for {guests} people?",
        ),
        (["Custom cake enquiry", "Cake quote"], "How much would a {cake} be for {guests} people?"),
    ],
    "order_change": [
        (
            ["Cake design question", "Change to catering order"],
            "Can we change the colours on the {party} cake?",
        ),
        (
            ["Extra platter", "Change to catering order"],
            "Could we add another sandwich platter to the order for {guests} people?",
        ),
        (
            ["Catering delivery time", "Change to catering order"],
            "Can the catering be delivered an hour earlier?",
        ),
        (
            ["Guest numbers changed", "Change to catering order"],
            "We now have {guests} guests, can we increase the order?",
        ),
    ],
    "dietary": [
        (
            ["Gluten-free options", "Allergen question"],
            "Do you have anything gluten-free for our {event}?",
        ),
        (["Nut allergy", "Allergen question"], "Are your brownies made in a nut-free kitchen?"),
        (["Do you have vegan cakes?", "Vegan options"], "Which of your cakes are vegan?"),
    ],
}
# What the customer asks for at the end, per topic.
TICKET_ASK = {
    "taste": ["Could I have a refund?", "Can you look into it?", "What can you do?"],
    "pickup_wait": ["Is there a better time to collect?", "Can something be done about this?"],
    "queue": [
        "Any chance of another person on the till at lunch?",
        "Can something be done about this?",
    ],
    "late_delivery": [
        "Can you tell me where it is?",
        "Please can I have a refund on delivery.",
        "It was a birthday present.",
        "Can you chase the courier?",
    ],
    "payment": [
        "Can you check if the order went through?",
        "Is there another way to pay?",
        "Please refund me if I've been charged.",
    ],
    "prices": ["Could you check?", "Can this be fixed?"],
    "staff": ["Just wanted you to know.", "Please pass it on."],
    "website": ["Can you change it for me?", "Please help."],
    "quote": ["When can you get back to me?", "What would it cost?", "Please call me back."],
    "order_change": ["Is that still possible?", "Please let me know.", "Please call me back."],
    "dietary": ["Thanks in advance.", "Many thanks."],
    "packaging": ["Photos attached.", "Can you send a replacement?", "Would like a refund please."],
}
GREET = ["Hi,", "Hello,", "Hi there,", "Good morning,", "Hiya,", ""]
SIGN = [
    "Sarah",
    "Tom",
    "Jess",
    "Priya",
    "Mark",
    "Emma",
    "Ollie",
    "Gemma",
    "Raj",
    "Helen",
    "Chris",
    "Becky",
]
