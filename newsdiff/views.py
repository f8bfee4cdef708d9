from django.http import HttpResponse

def story_list(request):
    return HttpResponse("todo")

story_detail = claim_detail = story_list
